/**
 * Entry point of `credit-risk` (bin/credit-risk.js runs it through tsx): wires the command line to the process,
 * the file system and ExcelJS's Node build, and exits with the code runCli returns.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { runCli } from "./score";

runCli(process.argv.slice(2), {
  readFile: (p) => fs.readFileSync(p),
  writeFile: (p, bytes) => fs.writeFileSync(p, bytes),
  resolve: (p) => path.resolve(p),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadExcelJs: async () => require("exceljs") as typeof import("exceljs"),
  // zlib in one call: Node's web DecompressionStream goes through JavaScript streams, several times slower here.
  inflateRaw: (data) => zlib.inflateRawSync(data),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(
      `credit-risk: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  });
