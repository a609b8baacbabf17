/** The rules: per cell from the indicator's kind, and between rows from the catalog's relations. */
export { findingCodes, type FindingCode } from "./codes";
export { inspectCell, valueRules, wholeNumber, percentRange, oneOfCodes, codeForWord, type ValueRule } from "./cellRules";
export { relationRule, partOfWhole, sumEquals, rate, flagCounts, noteRequired, type RelationRule } from "./relationRules";
export { sheetView, type SheetView, type IndicatorCell, type CellNumber, type CellCheck } from "./sheet";
