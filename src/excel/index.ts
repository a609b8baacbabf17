/**
 * The office-js adapter's entry point: what the pane and the ribbon may use. They import this folder, never its
 * files (eslint.config.mjs).
 */
export { ExcelHostError, toExcelHostError } from "./errors";
export { ExcelHost, type ExcelHostOptions } from "./excelHost";
