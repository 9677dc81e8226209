/** runCli on real files (Node's fs, ExcelJS from node_modules, no terminal), with what it printed: for the tests. */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/score";

export async function runCliOnDisk(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    readFile: (p) => fs.readFileSync(p),
    writeFile: (p, b) => fs.writeFileSync(p, b),
    resolve: (p) => path.resolve(p),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    loadExcelJs: async () => ExcelJS,
  });
  return { code, stdout, stderr };
}
