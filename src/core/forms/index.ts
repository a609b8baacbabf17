/** Forms as data: the model, the two readers (workbook sheets, JSON), the writer, and what can be wrong with one. */
export * from "./model";
export * from "./problems";
export { compileDocument, type CompileResult, type FormPlacer } from "./compile";
export { compileFormSheets, formSheets, FORM_SHEET_NAMES, INDICATOR_COLUMNS, RELATION_COLUMNS, FACT_ROWS, type FormSheets, type NamedGrid } from "./sheets";
export { compileFormJson, formDocument, formJson, FORM_SCHEMA_REF } from "./json";
export { RELATION_KINDS, relationKind, type RelationKindSpec } from "./relationKinds";
export { FORM_MAX_BYTES, FORM_MAX_ROWS, FORM_MAX_TEXT, unsafeText } from "./safety";
