/**
 * Consolidation: many units' appendices into one summary, a status per file and the batch's issues (pure data).
 * docs/CONSOLIDATE.md describes the rules; src/xlsx writes the summary workbook.
 */
export { consolidate, type ConsolidateOptions, type Consolidation, type SummaryColumn, type SetAside, type SummaryRow, type UnitStatus } from "./batch";
export { consolidationIssueCodes, ISSUE_SEVERITY, type ConsolidationIssue, type ConsolidationIssueCode, type ConsolidationIssueOf, type IssueDetails, type KeepReason } from "./issues";
export { totalMethod, type SummaryTotal } from "./totals";
export { fileBaseName, isFailure, isLockFileName, unitReport, type FileModified, type FindingMark, type UnitFailure, type UnitReport } from "./unit";
