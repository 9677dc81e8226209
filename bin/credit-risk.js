#!/usr/bin/env node
/**
 * `credit-risk` launcher (package.json "bin"). The command line is TypeScript (src/cli) sharing src/excel,
 * src/engine and src/workbook with the add-in and the tests; tsx compiles it in memory on first use (cached
 * afterwards), so there is no separate build to keep in step and `npx credit-risk score …` works right after
 * `npm install`. Why not a compile step in `prepare`: see the README ("Why these dependencies", tsx).
 */
"use strict";
const path = require("path");
require("tsx/cjs/api").register();
require(path.join(__dirname, "..", "src", "cli", "main.ts"));
