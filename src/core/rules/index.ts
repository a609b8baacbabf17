/** The rules: per cell from the indicator's kind, and between rows from the catalog's relations. */
export { findingCodes, type FindingCode } from "./codes";
export { inspectCell, valueRules, wholeNumber, percentRange, oneOfCodes, codeForWord, type ValueRule } from "./cellRules";
export { relationRule, partOfWholeRule, sumEqualsRule, rateRule, flagCountsRule, noteRequiredRule, type RelationRule } from "./relationRules";
