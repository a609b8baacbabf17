/**
 * Why the surgical writer would not write a workbook: each reason is a place where it cannot be sure that the copy
 * is the user's workbook with only the target cells changed. Surfaces turn a refusal into one sentence
 * (src/xlsx/messages.ts); the writer never guesses.
 */
export type PatchRefusal =
  /** the archive needs zip64 (over 4 GB or 65,535 parts): never an appendix workbook, and not written here */
  | { readonly reason: "zip64" }
  /** a part is encrypted, or compressed with a method other than deflate/stored */
  | { readonly reason: "unsupported_zip"; readonly detail: string }
  /** the archive or a part needed is damaged */
  | { readonly reason: "damaged"; readonly detail: string }
  /** a part needed is not UTF-8 XML */
  | { readonly reason: "not_utf8"; readonly part: string }
  /** no worksheet of that name */
  | { readonly reason: "no_sheet"; readonly sheet: string }
  /** the target lies in a range filled by one shared formula: writing it would cut the range */
  | { readonly reason: "shared_formula"; readonly cell: string; readonly range: string }
  /** the target lies in an array formula (or a dynamic array's spill range) */
  | { readonly reason: "array_formula"; readonly cell: string; readonly range: string }
  /** the target lies in a what-if data table */
  | { readonly reason: "data_table"; readonly cell: string; readonly range: string }
  /** the target is a header or totals cell of an Excel table */
  | { readonly reason: "table_header"; readonly cell: string; readonly table: string }
  /** the target is a merged cell other than its area's top-left one */
  | { readonly reason: "merged_cell"; readonly cell: string; readonly range: string }
  /** the target holds a linked data type, an image in the cell or other cell metadata */
  | { readonly reason: "cell_metadata"; readonly cell: string }
  /** the sheet's rows or cells are out of order or repeated, so where a cell goes is not certain */
  | { readonly reason: "unordered"; readonly cell: string }
  /** a value that no cell can hold (not a finite number), or a target that is no cell address */
  | { readonly reason: "bad_value"; readonly cell: string };

/** Thrown inside the package code; `patchWorkbook` returns its refusal as data. */
export class PatchRefused extends Error {
  constructor(readonly refusal: PatchRefusal) {
    super(`workbook not patched: ${JSON.stringify(refusal)}`);
    this.name = "PatchRefused";
  }
}
