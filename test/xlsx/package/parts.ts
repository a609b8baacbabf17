/** Tiny workbooks written part by part, so a test controls every byte the writer sees. */
import { zipOf } from "../../../src/xlsx/package/zip";
import { decodeUtf8 } from "../../../src/xlsx/package/utf8";
import { entryBytes, readZip } from "../../../src/xlsx/package/zip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Default styles: xf 0 General, xf 1 General (shared by several cells in the tests), xf 2 "0.00". */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"><alignment wrapText="1"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface BookSpec {
  /** sheet name -> the worksheet part's whole text, or the inside of `<sheetData>` */
  readonly sheets: Record<string, string>;
  readonly styles?: string;
  readonly workbookExtra?: string;
  readonly calcChain?: string;
  readonly extraParts?: { name: string; data: string; store?: boolean }[];
  readonly sheetRels?: Record<string, string>;
  /** the workbook relates xl/sharedStrings.xml (give the part in extraParts) */
  readonly sharedStrings?: boolean;
}

/** A worksheet part around `sheetData` content (a whole part is used as given). */
export function sheetPart(body: string): string {
  return body.startsWith("<?xml") ? body : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${body}</sheetData></worksheet>`;
}

/** The .xlsx bytes of `spec`. */
export function book(spec: BookSpec): Uint8Array {
  const names = Object.keys(spec.sheets);
  const parts: { name: string; data: string; store?: boolean }[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${spec.calcChain ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ""}</Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${spec.workbookExtra ?? ""}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${spec.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${spec.calcChain ? `<Relationship Id="rIdC" Type="${REL}/calcChain" Target="calcChain.xml"/>` : ""}</Relationships>`,
    },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetPart(spec.sheets[n]) })),
    ...Object.entries(spec.sheetRels ?? {}).map(([n, data]) => ({ name: `xl/worksheets/_rels/sheet${names.indexOf(n) + 1}.xml.rels`, data })),
    { name: "xl/styles.xml", data: spec.styles ?? STYLES },
    ...(spec.calcChain ? [{ name: "xl/calcChain.xml", data: spec.calcChain }] : []),
    ...(spec.extraParts ?? []),
  ];
  return zipOf(parts);
}

/** A part of an archive as text. */
export function partText(bytes: Uint8Array, name: string): string {
  const z = readZip(bytes);
  const e = z.entries.find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name}`);
  return decodeUtf8(entryBytes(z, e));
}

/** The `<sheetData>` content of a sheet part. */
export function sheetData(bytes: Uint8Array, n = 1): string {
  const xml = partText(bytes, `xl/worksheets/sheet${n}.xml`);
  const m = /<(?:\w+:)?sheetData>([\s\S]*)<\/(?:\w+:)?sheetData>/.exec(xml);
  return m ? m[1] : "";
}
