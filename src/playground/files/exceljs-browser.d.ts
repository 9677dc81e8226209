/** ExcelJS's self-contained browser build (package.json "browser"): the same API as its Node build. */
declare module "exceljs/dist/exceljs.min.js" {
  import * as ExcelJS from "exceljs";
  export = ExcelJS;
}
