/**
 * The surgical writer on hand-written parts: where each target lands in the sheet's XML, byte for byte, and
 * where it refuses. Every case states the whole `<sheetData>` before and after.
 */
import { at } from "../../fixtures/a1";
import { patchWorkbook, type CellWrite } from "../../../src/xlsx/package/patchWorkbook";
import type { PatchRefusal } from "../../../src/xlsx/package/refusal";
import { book, MAIN, partText, sheetData } from "./parts";

const F = (cell: string, value: number, formula = "=1+1"): CellWrite => ({ cell: at(cell), cellValue: value, formula });

function patched(body: string, writes: CellWrite[]): string {
  const r = patchWorkbook(book({ sheets: { S: body } }), "S", writes);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return sheetData(r.bytes);
}

function refusal(body: string | Record<string, string>, writes: CellWrite[], extra: Partial<Parameters<typeof book>[0]> = {}): PatchRefusal {
  const sheets = typeof body === "string" ? { S: body } : body;
  const r = patchWorkbook(book({ sheets, ...extra }), "S", writes);
  if (r.ok) throw new Error("expected a refusal");
  return r.refusal;
}

describe("where a target lands", () => {
  test.each([
    ["an existing empty cell keeps its style", '<row r="2"><c r="B2" s="1"/></row>', [F("B2", 2)], '<row r="2"><c r="B2" s="1"><f>1+1</f><v>2</v></c></row>'],
    ["an existing text cell loses its type", '<row r="2"><c r="B2" t="s"><v>0</v></c></row>', [F("B2", 2)], '<row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row>'],
    ["a cell before the first", '<row r="2"><c r="C2"><v>1</v></c></row>', [F("A2", 2)], '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="C2"><v>1</v></c></row>'],
    ["a cell between two", '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>1</v></c></row>', [F("B2", 2)], '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><v>1</v></c></row>'],
    ["a cell after the last", '<row r="2"><c r="A2"><v>1</v></c></row>', [F("D2", 2)], '<row r="2"><c r="A2"><v>1</v></c><c r="D2"><f>1+1</f><v>2</v></c></row>'],
    ["a cell in an empty row element", '<row r="2"/>', [F("D2", 2)], '<row r="2"><c r="D2"><f>1+1</f><v>2</v></c></row>'],
    ["a row before the first", '<row r="5"><c r="A5"><v>1</v></c></row>', [F("B2", 2)], '<row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row><row r="5"><c r="A5"><v>1</v></c></row>'],
    ["a row between two", '<row r="1"/><row r="5"/>', [F("B3", 2)], '<row r="1"/><row r="3"><c r="B3"><f>1+1</f><v>2</v></c></row><row r="5"/>'],
    ["a row after the last", '<row r="1"/>', [F("B9", 2)], '<row r="1"/><row r="9"><c r="B9"><f>1+1</f><v>2</v></c></row>'],
    ["rows without r are numbered one after another", "<row><c><v>1</v></c></row><row><c><v>2</v></c><c><v>3</v></c></row>", [F("B2", 9)], '<row><c><v>1</v></c></row><row><c><v>2</v></c><c><f>1+1</f><v>9</v></c></row>'],
    ["a cell after cells without r", "<row><c><v>1</v></c><c><v>3</v></c></row>", [F("D1", 9)], '<row><c><v>1</v></c><c><v>3</v></c><c r="D1"><f>1+1</f><v>9</v></c></row>'],
    ["a row after rows without r", "<row><c><v>1</v></c></row>", [F("A3", 9)], '<row><c><v>1</v></c></row><row r="3"><c r="A3"><f>1+1</f><v>9</v></c></row>'],
    ["several targets over rows", '<row r="2"><c r="B2"/></row>', [F("C4", 4), F("B2", 2), F("A2", 1)], '<row r="2"><c r="A2"><f>1+1</f><v>1</v></c><c r="B2"><f>1+1</f><v>2</v></c></row><row r="4"><c r="C4"><f>1+1</f><v>4</v></c></row>'],
    ["a formula with < and & is escaped", "", [{ cell: at("A1"), cellValue: 1, formula: '=IF(B1<2,"a&b",1)' }], '<row r="1"><c r="A1"><f>IF(B1&lt;2,"a&amp;b",1)</f><v>1</v></c></row>'],
    ["text without formula goes inline", "", [{ cell: at("A1"), cellValue: " Có " }], '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Có </t></is></c></row>'],
    ["a text formula result", "", [{ cell: at("A1"), cellValue: "x", formula: '="x"' }], '<row r="1"><c r="A1" t="str"><f>"x"</f><v>x</v></c></row>'],
    ["a boolean", "", [{ cell: at("A1"), cellValue: true }], '<row r="1"><c r="A1" t="b"><v>1</v></c></row>'],
    ["the row's style when it has customFormat", '<row r="3" s="1" customFormat="1"/>', [F("B3", 1)], '<row r="3" s="1" customFormat="1"><c r="B3" s="1"><f>1+1</f><v>1</v></c></row>'],
    ["spans widened only when needed", '<row r="1" spans="1:2"><c r="A1"/></row><row r="2" spans="1:3"/>', [F("C1", 1), F("B2", 1)], '<row r="1" spans="1:3"><c r="A1"/><c r="C1"><f>1+1</f><v>1</v></c></row><row r="2" spans="1:3"><c r="B2"><f>1+1</f><v>1</v></c></row>'],
    ["an extLst of the row stays last", '<row r="1"><c r="A1"/><extLst><ext uri="x"><c r="Z9"/></ext></extLst></row>', [F("B1", 1)], '<row r="1"><c r="A1"/><c r="B1"><f>1+1</f><v>1</v></c><extLst><ext uri="x"><c r="Z9"/></ext></extLst></row>'],
  ])("%s", (_name, before, writes, after) => {
    expect(patched(before, writes)).toBe(after);
  });

  test("an empty <sheetData/> gets its rows", () => {
    const part = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/></worksheet>`;
    const r = patchWorkbook(book({ sheets: { S: part } }), "S", [F("B2", 2)]);
    expect(r.ok && partText(r.bytes, "xl/worksheets/sheet1.xml")).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><sheetData><row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`,
    );
  });

  test("a prefixed namespace keeps its prefix on what is inserted", () => {
    const part = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const r = patchWorkbook(book({ sheets: { S: part } }), "S", [F("B1", 2), F("A3", 3)]);
    expect(r.ok && partText(r.bytes, "xl/worksheets/sheet1.xml")).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:f>1+1</x:f><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  test("a column's style is taken by a new cell in it", () => {
    const part = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><cols><col min="2" max="3" width="9" style="1"/></cols><sheetData/></worksheet>`;
    const r = patchWorkbook(book({ sheets: { S: part } }), "S", [F("C1", 2)]);
    expect(r.ok && sheetData(r.bytes)).toBe('<row r="1"><c r="C1" s="1"><f>1+1</f><v>2</v></c></row>');
  });
});

test("a styles part without cell formats: the value goes in without a number format, the styles unchanged", () => {
  const styles = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts></styleSheet>`;
  const r = patchWorkbook(book({ sheets: { S: '<row r="1"><c r="A1"/></row>' }, styles }), "S", [{ ...F("A1", 87.23), numberFormat: "0.00" }]);
  expect(r.ok && [sheetData(r.bytes), partText(r.bytes, "xl/styles.xml"), r.changedParts.includes("xl/styles.xml")]).toEqual(['<row r="1"><c r="A1"><f>1+1</f><v>87.23</v></c></row>', styles, false]);
});

describe("refusals", () => {
  test.each<[string, string, CellWrite[], PatchRefusal]>([
    ["inside a shared formula's range", '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>1</v></c></row>', [F("A3", 1)], { reason: "shared_formula", cell: "A3", range: "A1:A3" }],
    ["the master of a shared formula", '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c></row>', [F("A1", 1)], { reason: "shared_formula", cell: "A1", range: "A1:A3" }],
    ["inside an array formula", '<row r="1"><c r="A1"><f t="array" ref="A1:B2">C1:D2</f><v>1</v></c></row>', [F("B2", 1)], { reason: "array_formula", cell: "B2", range: "A1:B2" }],
    ["inside a data table", '<row r="1"><c r="A1"><f t="dataTable" ref="A1:B2" dt2D="1" r1="C1" r2="C2"/><v>1</v></c></row>', [F("B1", 1)], { reason: "data_table", cell: "B1", range: "A1:B2" }],
    ["a merged area's hidden cell", '<row r="1"><c r="A1"/></row>', [F("B1", 1)], { reason: "merged_cell", cell: "B1", range: "A1:C1" }],
    ["a cell holding a linked data type", '<row r="1"><c r="A1" vm="1"><v>1</v></c></row>', [F("A1", 1)], { reason: "cell_metadata", cell: "A1" }],
    ["rows out of order", '<row r="5"/><row r="3"/>', [F("A9", 1)], { reason: "unordered", cell: "A9" }],
    ["cells out of order", '<row r="1"><c r="C1"/><c r="B1"/></row>', [F("D1", 1)], { reason: "unordered", cell: "D1" }],
    ["a value no cell holds", "", [F("A1", NaN)], { reason: "bad_value", cell: "A1" }],
  ])("%s", (_name, body, writes, expected) => {
    const merged = body.includes("<c r=\"A1\"/></row>") && expected.reason === "merged_cell";
    const part = merged ? `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>` : body;
    expect(refusal(part, writes)).toEqual(expected);
  });

  test("a formula or merged area quoted in a comment or CDATA section declares nothing", () => {
    const part = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><!-- <c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f></c> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<f t="array" ref="A2:A2">]]></t></is></c></row></sheetData><!-- <mergeCells><mergeCell ref="A1:A3"/></mergeCells> --></worksheet>`;
    const r = patchWorkbook(book({ sheets: { S: part } }), "S", [F("A2", 2), F("A3", 3)]);
    expect(r.ok && sheetData(r.bytes)).toContain('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row><row r="3"><c r="A3"><f>1+1</f><v>3</v></c></row>');
  });

  test("a merged area's top-left cell is written", () => {
    const part = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"/></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>`;
    expect(patched(part, [F("A1", 1)])).toBe('<row r="1"><c r="A1"><f>1+1</f><v>1</v></c></row>');
  });

  test("a table's header and totals rows, not its body", () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`;
    const table = `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" name="T" displayName="Bang1" ref="B2:C6" totalsRowCount="1"><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/></tableColumns></table>`;
    const extra = { sheetRels: { S: rels }, extraParts: [{ name: "xl/tables/table1.xml", data: table }] };
    expect(refusal("", [F("C2", 1)], extra)).toEqual({ reason: "table_header", cell: "C2", table: "Bang1" });
    expect(refusal("", [F("B6", 1)], extra)).toEqual({ reason: "table_header", cell: "B6", table: "Bang1" });
    const ok = patchWorkbook(book({ sheets: { S: "" }, ...extra }), "S", [F("C3", 1)]);
    expect(ok.ok).toBe(true);
  });

  test("no such sheet, and a file that is no zip", () => {
    expect(patchWorkbook(book({ sheets: { S: "" } }), "T", [F("A1", 1)])).toEqual({ ok: false, refusal: { reason: "no_sheet", sheet: "T" } });
    const r = patchWorkbook(new Uint8Array([1, 2, 3]), "S", [F("A1", 1)]);
    expect(r.ok ? null : r.refusal.reason).toBe("damaged");
  });
});
