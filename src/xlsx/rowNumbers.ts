/**
 * Rows and cells without their `r` attribute: the file format allows it (a row's place is then the one after the
 * previous row, a cell's the one after the previous cell), some writers omit it, Excel and LibreOffice open such
 * files, and the streaming reader reads them (package/sheetScan.ts). ExcelJS refuses them ("Invalid row number in
 * model"), so its path numbers them first: only the worksheets lacking a number change, everything else is copied.
 */
import { columnIndex, columnLetters } from "../core";
import { decodeUtf8, encodeUtf8 } from "./package/utf8";
import { entryBytes, readZip, writeZip } from "./package/zip";

/** The column of a cell reference ("D12" -> 3; a reference without letters counts as column A). */
function colOf(ref: string): number {
  return columnIndex(/^[A-Z]+/i.exec(ref)?.[0] ?? "A");
}

/** The sheet's XML with every row and cell numbered where it was not. */
export function numberSheetXml(xml: string): string {
  const start = xml.indexOf("<sheetData");
  const end = xml.lastIndexOf("</sheetData>");
  if (start < 0 || end < 0) return xml;
  let row = 0;
  let col = -1;
  const body = xml.slice(start, end).replace(/<(row|c)(?=[\s>/])([^>]*)>/g, (tag, name: string, attrs: string) => {
    const r = /\sr="([^"]*)"/.exec(attrs);
    if (name === "row") {
      row = r ? Number(r[1]) || row + 1 : row + 1;
      col = -1;
      return r ? tag : `<row r="${row}"${attrs}>`;
    }
    col = r ? colOf(r[1]) : col + 1;
    return r ? tag : `<c r="${columnLetters(col)}${row}"${attrs}>`;
  });
  return xml.slice(0, start) + body + xml.slice(end);
}

/** The package with its worksheets' rows and cells numbered; null when every one already was (nothing to do). */
export function numberRowsAndCells(bytes: Uint8Array): Uint8Array | null {
  const archive = readZip(bytes);
  const replace = new Map<string, Uint8Array>();
  for (const entry of archive.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
    const xml = decodeUtf8(entryBytes(archive, entry));
    const numbered = numberSheetXml(xml);
    if (numbered !== xml) replace.set(entry.name, encodeUtf8(numbered));
  }
  return replace.size ? writeZip(archive, { replace }) : null;
}
