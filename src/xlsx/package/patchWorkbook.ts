/**
 * The surgical writer: an .xlsx with target cells written into one worksheet, every other part copied byte for
 * byte (compressed bytes included). What changes, and only when needed: the worksheet part (the target cells; a
 * row or cell element inserted where missing; the row's `spans` hint and the sheet's `dimension` widened when a
 * target lies outside them), the styles part (a cell format cloned with another number format), the workbook part
 * (`fullCalcOnLoad="1"` on `calcPr`, so dependents recalculate on open) and, when a formula cell becomes a plain
 * value, its entry of the calculation chain. Browser-safe: the pane outside Excel uses it for its download.
 */
import { MAX_ENTRIES, MAX_EXPANDED_BYTES, MAX_FILE_BYTES } from "../limits";
import { openPackage, relsPartOf, workbookExtension, type WorkbookPackage } from "./opc";
import { PatchRefused, type PatchRefusal } from "./refusal";
import type { CellWrite } from "../../core";
import { patchSheetXml, type SheetTable } from "./sheetPatch";
import { StylesEditor } from "./styles";
import { encodeUtf8 } from "./utf8";
import { attribute, findTag, nextTag, withAttribute, XmlScanError } from "./xml";
import { writeZip } from "./zip";

export type { CellWrite } from "../../core";
export type { PatchRefusal } from "./refusal";

/**
 * The extension a copy of the workbook `bytes` must have for Excel to open it: the workbook part's content type
 * decides (".xlsm" for a macro-enabled workbook...); ".xlsx" for what cannot be read here (the writer says why).
 */
export function workbookFileExtension(bytes: Uint8Array): ReturnType<typeof workbookExtension> {
  try {
    return workbookExtension(openPackage(bytes, MAX_ENTRIES, MAX_EXPANDED_BYTES));
  } catch (e) {
    if (e instanceof PatchRefused || e instanceof XmlScanError) return ".xlsx";
    throw e;
  }
}

/** The patched workbook and the parts that differ from the input; or why it was not patched. */
export type PatchResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly changedParts: readonly string[] }
  | { readonly ok: false; readonly refusal: PatchRefusal };

/** Children of `<workbook>` that come after `<calcPr>` (ECMA-376 CT_Workbook order). */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** workbook.xml with "recalculate everything on open" set, and nothing else changed. */
export function withFullCalcOnLoad(xml: string): string {
  const calcPr = findTag(xml, "calcPr");
  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.end);
    if (attribute(tag, "fullCalcOnLoad") === "1" || attribute(tag, "fullCalcOnLoad") === "true") return xml;
    return xml.slice(0, calcPr.start) + withAttribute(tag, "fullCalcOnLoad", "1") + xml.slice(calcPr.end);
  }
  const root = findTag(xml, "workbook");
  if (!root || root.kind === "empty") throw new PatchRefused({ reason: "damaged", detail: "no workbook element" });
  let at = -1;
  let depth = 0;
  for (let t = nextTag(xml, root.end); t; t = nextTag(xml, t.end)) {
    if (depth === 0 && t.kind === "end" && t.local === "workbook") {
      at = t.start;
      break;
    }
    if (depth === 0 && t.kind !== "end" && AFTER_CALC_PR.includes(t.local)) {
      at = t.start;
      break;
    }
    if (t.kind === "start") depth++;
    else if (t.kind === "end") depth--;
  }
  if (at < 0) throw new PatchRefused({ reason: "damaged", detail: "workbook element not closed" });
  return `${xml.slice(0, at)}<${root.prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/** The calculation chain without the entries of `cells` on sheet `sheetId` (an entry without `i` is on the previous entry's sheet). */
export function withoutChainEntries(xml: string, sheetId: number, cells: ReadonlySet<string>): { xml: string; empty: boolean } {
  const out: string[] = [];
  let copied = 0;
  let sheet = 0;
  let kept = 0;
  let carry: string | null = null;
  for (let t = findTag(xml, "c"); t; t = findTag(xml, "c", t.end)) {
    const tag = xml.slice(t.start, t.end);
    const i = attribute(tag, "i");
    if (i !== undefined) sheet = Number(i);
    const end = t.kind === "empty" ? t.end : xml.indexOf(">", xml.indexOf(`</${t.qname}`, t.end)) + 1;
    if (sheet === sheetId && cells.has(attribute(tag, "r") ?? "")) {
      out.push(xml.slice(copied, t.start));
      copied = end;
      // The next entry inherited this one's sheet: it must now say it.
      if (i !== undefined) carry = i;
      continue;
    }
    if (carry !== null && i === undefined) {
      out.push(xml.slice(copied, t.start), withAttribute(tag, "i", carry));
      copied = t.end;
    }
    carry = null;
    kept++;
  }
  out.push(xml.slice(copied));
  return { xml: out.join(""), empty: kept === 0 };
}

function tablesOf(pkg: WorkbookPackage, sheetPart: string): SheetTable[] {
  return pkg
    .relationships(sheetPart)
    .filter((r) => r.type === "table" && !r.external && pkg.has(r.target))
    .map((r) => {
      const xml = pkg.text(r.target);
      const t = findTag(xml, "table");
      const tag = t ? xml.slice(t.start, t.end) : "";
      return {
        name: attribute(tag, "displayName") ?? attribute(tag, "name") ?? r.target,
        ref: attribute(tag, "ref") ?? "",
        headerRows: Number(attribute(tag, "headerRowCount") ?? 1),
        totalsRows: Number(attribute(tag, "totalsRowCount") ?? 0),
      };
    });
}

function removeRelationship(xml: string, id: string): string {
  for (let t = findTag(xml, "Relationship"); t; t = findTag(xml, "Relationship", t.end)) {
    if (attribute(xml.slice(t.start, t.end), "Id") === id) return xml.slice(0, t.start) + xml.slice(t.kind === "empty" ? t.end : xml.indexOf(">", xml.indexOf("</", t.end)) + 1);
  }
  return xml;
}

function removeOverride(xml: string, part: string): string {
  for (let t = findTag(xml, "Override"); t; t = findTag(xml, "Override", t.end)) {
    const tag = xml.slice(t.start, t.end);
    if ((attribute(tag, "PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return xml.slice(0, t.start) + xml.slice(t.end);
  }
  return xml;
}

/**
 * Writes `writes` into sheet `sheetName` of the workbook `bytes`. Never throws for the file's content: a file it
 * cannot patch with certainty comes back as a refusal.
 */
export function patchWorkbook(bytes: Uint8Array, sheetName: string, writes: readonly CellWrite[]): PatchResult {
  try {
    if (bytes.length > MAX_FILE_BYTES) throw new PatchRefused({ reason: "damaged", detail: "file too large" });
    const pkg = openPackage(bytes, MAX_ENTRIES, MAX_EXPANDED_BYTES);
    const sheet = pkg.sheets.find((s) => s.name === sheetName) ?? pkg.sheets.find((s) => s.name.normalize("NFC") === sheetName.normalize("NFC"));
    if (!sheet || sheet.kind !== "worksheet" || !pkg.has(sheet.part)) throw new PatchRefused({ reason: "no_sheet", sheet: sheetName });
    const styles = pkg.stylesPart && pkg.has(pkg.stylesPart) ? new StylesEditor(pkg.text(pkg.stylesPart)) : null;
    const patched = patchSheetXml(pkg.text(sheet.part), writes, { styles, tables: tablesOf(pkg, sheet.part) });
    const replace = new Map<string, Uint8Array>();
    const remove = new Set<string>();
    const name = (part: string) => pkg.entry(part)!.name;
    const sheetText = pkg.text(sheet.part);
    if (patched.xml !== sheetText) replace.set(name(sheet.part), encodeUtf8(patched.xml));
    if (styles?.changed) replace.set(name(pkg.stylesPart!), encodeUtf8(styles.text()));
    const workbook = pkg.text(pkg.workbookPart);
    const calc = withFullCalcOnLoad(workbook);
    if (calc !== workbook) replace.set(name(pkg.workbookPart), encodeUtf8(calc));
    if (patched.formulasRemoved.length && pkg.calcChainPart && pkg.has(pkg.calcChainPart)) {
      const chain = withoutChainEntries(pkg.text(pkg.calcChainPart), sheet.sheetId, new Set(patched.formulasRemoved));
      if (!chain.empty) replace.set(name(pkg.calcChainPart), encodeUtf8(chain.xml));
      else {
        // A chain must list at least one cell: without any left, the part goes (Excel rebuilds it).
        remove.add(name(pkg.calcChainPart));
        const relsPart = relsPartOf(pkg.workbookPart);
        const rel = pkg.relationships(pkg.workbookPart).find((r) => r.type === "calcChain")!;
        replace.set(name(relsPart), encodeUtf8(removeRelationship(pkg.text(relsPart), rel.id)));
        if (pkg.has("[Content_Types].xml")) replace.set(name("[Content_Types].xml"), encodeUtf8(removeOverride(pkg.text("[Content_Types].xml"), pkg.calcChainPart)));
      }
    }
    const out = writeZip(pkg.archive, { replace, remove });
    return { ok: true, bytes: out, changedParts: [...replace.keys(), ...remove] };
  } catch (e) {
    if (e instanceof PatchRefused) return { ok: false, refusal: e.refusal };
    if (e instanceof XmlScanError) return { ok: false, refusal: { reason: "damaged", detail: e.message } };
    throw e;
  }
}
