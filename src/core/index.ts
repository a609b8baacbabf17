/**
 * The engine's public entry point: code outside src/core imports core from here ("../core"), never from its files,
 * so core's files can move without touching a surface (lint holds it; docs/ARCHITECTURE.md). Inside core, files
 * import each other directly and never this index, which keeps core free of import circles through it.
 */

// The one check and what it returns
export * from "./checkWorkbook";
export * from "./location";
export * from "./finding";
export * from "./findingGroups";
export * from "./readiness";
export * from "./locate";
export * from "./titleInfo";

// Grids, addresses, number formats and what goes into a cell
export * from "./grid";
export * from "./address";
export * from "./cellWrite";
export * from "./conflictPatch";
export * from "./numberFormat";
export * from "./sheetName";
export * from "./text";
export * from "./textMetrics";

// Forms: the built-in ones and form files
export * from "./catalog/model";
export * from "./catalog";
export * from "./forms/model";
export * from "./forms/builtin";
export * from "./forms/compile";
export * from "./forms/json";
export * from "./forms/sheets";
export * from "./forms/problems";
export * from "./forms/safety";
export * from "./forms/currency";
export * from "./forms/draft";

// The appendix a form lays out, and its preview
export * from "./layout";
export * from "./layoutPlan";
export * from "./appendixPreview";

// Consolidation of many units
export * from "./consolidate";

// Reporting periods, files that cannot be read, languages
export * from "./period";
export * from "./unreadable";
export * from "./lang";

// Sentences (vi/en)
export * from "./messages";
export * from "./messages/appendix";
export * from "./messages/consolidate";
export * from "./messages/forms";
export * from "./messages/period";
export * from "./messages/unreadable";
