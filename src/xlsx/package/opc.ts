/**
 * The package's structure as the workbook declares it: relationships, the workbook part, its sheets (name,
 * id, part), and the styles, shared strings and calculation chain parts. Parts are found through their
 * relationships, never by their usual names (other writers name them differently). Browser-safe.
 */
import { PatchRefused } from "./refusal";
import { decodeUtf8, NotUtf8Error } from "./utf8";
import { attributes, findTag, nextTag } from "./xml";
import { entryBytes, findEntry, readZip, type ZipArchive, type ZipEntry } from "./zip";

/** One relationship of a part. */
export interface Relationship {
  readonly id: string;
  /** the last segment of the type URI ("worksheet", "styles", "table"...) */
  readonly type: string;
  /** the target part's name in the archive ("xl/worksheets/sheet1.xml"), or the raw target when external */
  readonly target: string;
  readonly external: boolean;
}

/** A sheet as workbook.xml lists it. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  /** "worksheet", "chartsheet", "dialogsheet", "macrosheet"... (the relationship type) */
  readonly kind: string;
  /** the part holding it */
  readonly part: string;
  readonly state: "visible" | "hidden" | "veryHidden";
}

/** The archive plus what the workbook part says about it. */
export interface WorkbookPackage {
  readonly archive: ZipArchive;
  readonly workbookPart: string;
  readonly sheets: readonly SheetEntry[];
  readonly stylesPart: string | null;
  readonly sharedStringsPart: string | null;
  readonly calcChainPart: string | null;
  /** a part as text (UTF-8), read once; throws `PatchRefused` when missing or not UTF-8 */
  text(part: string): string;
  /** whether the archive has the part */
  has(part: string): boolean;
  /** the entry of a part */
  entry(part: string): ZipEntry | undefined;
  /** the relationships of a part (none when it has no .rels part) */
  relationships(part: string): readonly Relationship[];
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part's folder ("../a.xml", "/xl/a.xml", "a%20b.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%": keep the target as written.
  }
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of decoded.replace(/^\/+/, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

function typeName(uri: string): string {
  return uri.slice(uri.lastIndexOf("/") + 1);
}

/**
 * Reads the package's structure (from the bytes, or from the archive a caller has already read); throws `PatchRefused`
 * for an archive that is not a workbook package.
 */
export function openPackage(source: Uint8Array | ZipArchive, maxEntries?: number, partBudget = Infinity): WorkbookPackage {
  const archive = source instanceof Uint8Array ? readZip(source, maxEntries) : source;
  const texts = new Map<string, string>();
  const entry = (part: string) => findEntry(archive, part);
  const text = (part: string): string => {
    const cached = texts.get(part);
    if (cached !== undefined) return cached;
    const e = entry(part);
    if (!e) throw new PatchRefused({ reason: "damaged", detail: `no part ${part}` });
    let t: string;
    try {
      t = decodeUtf8(entryBytes(archive, e, partBudget));
    } catch (err) {
      if (err instanceof NotUtf8Error) throw new PatchRefused({ reason: "not_utf8", part });
      throw err;
    }
    texts.set(part, t);
    return t;
  };
  const relsCache = new Map<string, Relationship[]>();
  const relationships = (part: string): Relationship[] => {
    const cached = relsCache.get(part);
    if (cached) return cached;
    const relsPart = relsPartOf(part);
    const rels: Relationship[] = [];
    if (entry(relsPart)) {
      const xml = text(relsPart);
      for (let t = findTag(xml, "Relationship"); t; t = findTag(xml, "Relationship", t.end)) {
        const a = attributes(xml.slice(t.start, t.end));
        const external = a.get("TargetMode") === "External";
        const target = a.get("Target") ?? "";
        rels.push({ id: a.get("Id") ?? "", type: typeName(a.get("Type") ?? ""), target: external ? target : resolveTarget(part, target), external });
      }
    }
    relsCache.set(part, rels);
    return rels;
  };
  const root = relationships("").find((r) => r.type === "officeDocument" && !r.external);
  const workbookPart = root?.target ?? "xl/workbook.xml";
  if (!entry(workbookPart)) throw new PatchRefused({ reason: "damaged", detail: "no workbook part" });
  const wbRels = relationships(workbookPart);
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const xml = text(workbookPart);
  const sheets: SheetEntry[] = [];
  const sheetsTag = findTag(xml, "sheets");
  if (sheetsTag && sheetsTag.kind === "start") {
    for (let t = nextTag(xml, sheetsTag.end); t && !(t.local === "sheets" && t.kind === "end"); t = nextTag(xml, t.end)) {
      if (t.local !== "sheet" || t.kind === "end") continue;
      const tagText = xml.slice(t.start, t.end);
      const a = attributes(tagText);
      const rid = [...a.entries()].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
      const rel = byId.get(rid);
      if (!rel || rel.external) continue;
      const state = a.get("state");
      sheets.push({
        name: a.get("name") ?? "",
        sheetId: Number(a.get("sheetId") ?? 0),
        kind: rel.type,
        part: rel.target,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
      });
    }
  }
  const partOf = (type: string) => wbRels.find((r) => r.type === type && !r.external)?.target ?? null;
  return {
    archive,
    workbookPart,
    sheets,
    stylesPart: partOf("styles"),
    sharedStringsPart: partOf("sharedStrings"),
    calcChainPart: partOf("calcChain"),
    text,
    has: (part) => !!entry(part),
    entry,
    relationships,
  };
}


/**
 * The file extension the package's kind needs (Excel opens a file only when its extension matches the content type
 * of the workbook part): ".xlsm" for a macro-enabled workbook, ".xltx"/".xltm" for templates, ".xlam" for an
 * add-in, else ".xlsx".
 */
export function workbookExtension(pkg: WorkbookPackage): ".xlsx" | ".xlsm" | ".xltx" | ".xltm" | ".xlam" {
  let type = "";
  if (pkg.has("[Content_Types].xml")) {
    const xml = pkg.text("[Content_Types].xml");
    const part = `/${pkg.workbookPart}`.toLowerCase();
    const ext = pkg.workbookPart.slice(pkg.workbookPart.lastIndexOf(".") + 1).toLowerCase();
    for (let t = findTag(xml, "Override"); t && !type; t = findTag(xml, "Override", t.end)) {
      const a = attributes(xml.slice(t.start, t.end));
      if ((a.get("PartName") ?? "").toLowerCase() === part) type = a.get("ContentType") ?? "";
    }
    for (let t = findTag(xml, "Default"); t && !type; t = findTag(xml, "Default", t.end)) {
      const a = attributes(xml.slice(t.start, t.end));
      if ((a.get("Extension") ?? "").toLowerCase() === ext) type = a.get("ContentType") ?? "";
    }
  }
  type = type.toLowerCase();
  if (type.includes("addin")) return ".xlam";
  const macro = type.includes("macroenabled");
  if (type.includes("template")) return macro ? ".xltm" : ".xltx";
  return macro ? ".xlsm" : ".xlsx";
}
