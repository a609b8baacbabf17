/**
 * Offline check of manifest.xml (the official `office-addin-manifest validate` posts it to a web service).
 * Checks what breaks sideloading most often: well-formed XML, OfficeApp children in the [MS-OWEMXML] order,
 * required elements, every resid defined, every URL https, every icon present in assets/ at its size,
 * strings within Office's length limits with an en-US override, the ExcelApi set agreeing with
 * docs/OFFICE.md and src/excel/requirements.ts, and every ExecuteFunction name registered in commands.ts.
 * `npm run validate` prints the problems and exits 1 when there is any.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";

/** The children of OfficeApp (TaskPaneApp) in the order the schema's sequence fixes. */
export const OFFICE_APP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "Dictionary", "VersionOverrides", "ExtendedOverrides",
] as const;

const REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];
const SHORT_MAX = 125;
const LONG_MAX = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){1,3}$/;

/** What the validator may look at besides the XML text. */
export interface ManifestEnvironment {
  /** Bytes of a file under assets/ ("icon-16.png"), or null when it is missing. */
  readonly asset: (name: string) => Uint8Array | null;
  /** The ExcelApi version docs/OFFICE.md names as the minimum. */
  readonly documentedExcelApi: string | null;
  /** The ExcelApi version the adapter code asks for (src/excel/requirements.ts). */
  readonly codeExcelApi: string | null;
  /** Function names commands.ts registers with Office.actions.associate. */
  readonly registeredFunctions: readonly string[];
}

type El = Element;

function children(el: El): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function descendants(el: El, localName: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of children(e)) {
      if (c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every problem found in the manifest text; an empty list means it passed. */
export function validateManifest(xml: string, env: ManifestEnvironment): string[] {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        // xmldom reports recoverable mistakes (unclosed tags, bad entities) as "error": not well-formed either.
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (e) {
    return [`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`];
  }
  const root = doc.documentElement as El | null;
  if (!root || root.localName !== "OfficeApp") return ["the root element is not OfficeApp"];
  if (root.getAttribute("xsi:type") !== "TaskPaneApp") problems.push('OfficeApp xsi:type is not "TaskPaneApp"');

  // Order and presence of the top-level elements.
  const top = children(root);
  let last = -1;
  for (const el of top) {
    const idx = (OFFICE_APP_ORDER as readonly string[]).indexOf(el.localName ?? "");
    if (idx < 0) {
      problems.push(`unknown element <${el.localName}> under OfficeApp`);
      continue;
    }
    if (idx < last) problems.push(`<${el.localName}> is out of order (the schema puts it before <${OFFICE_APP_ORDER[last]}>)`);
    else last = idx;
  }
  for (const name of REQUIRED) if (!top.some((e) => e.localName === name)) problems.push(`<${name}> is missing`);
  for (const name of OFFICE_APP_ORDER) {
    if (top.filter((e) => e.localName === name).length > 1) problems.push(`<${name}> appears more than once`);
  }
  const text = (name: string) => top.find((e) => e.localName === name)?.textContent?.trim() ?? "";
  if (!GUID.test(text("Id"))) problems.push(`<Id> "${text("Id")}" is not a GUID`);
  if (!VERSION.test(text("Version"))) problems.push(`<Version> "${text("Version")}" is not n.n.n.n`);
  if (text("Permissions") !== "ReadWriteDocument") problems.push(`<Permissions> is "${text("Permissions")}", expected ReadWriteDocument only`);

  // ExcelApi requirement: one set, agreeing with the docs and the code.
  const sets = descendants(root, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");
  const manifestApi = sets[0]?.getAttribute("MinVersion") ?? null;
  if (sets.length === 0) problems.push("no ExcelApi requirement set");
  else {
    if (env.documentedExcelApi !== manifestApi) problems.push(`ExcelApi ${manifestApi} in the manifest, ${env.documentedExcelApi ?? "none"} in docs/OFFICE.md`);
    if (env.codeExcelApi !== manifestApi) problems.push(`ExcelApi ${manifestApi} in the manifest, ${env.codeExcelApi ?? "none"} in src/excel/requirements.ts`);
  }

  // Resources: ids, URLs, lengths, overrides.
  const resources = new Map<string, El>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const el of descendants(root, kind)) {
      const id = el.getAttribute("id");
      if (!id) continue;
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      resources.set(id, el);
    }
  }
  const referenced = new Set<string>();
  const walkAll = (e: El) => {
    if (e.hasAttribute("resid")) {
      const resid = e.getAttribute("resid") ?? "";
      if (resid) referenced.add(resid);
      else problems.push(`<${e.localName}> has an empty resid`);
    }
    children(e).forEach(walkAll);
  };
  walkAll(root);
  for (const id of referenced) if (!resources.has(id)) problems.push(`resid "${id}" is not defined in <Resources>`);
  for (const id of resources.keys()) if (!referenced.has(id)) problems.push(`resource "${id}" is never used`);
  problems.push(...id32(resources));

  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const el of descendants(root, name)) {
      const v = el.getAttribute("DefaultValue");
      if (v) urls.push({ where: `<${name}>`, url: v });
    }
  }
  for (const el of [...descendants(root, "Image"), ...descendants(root, "Url")]) {
    const v = el.getAttribute("DefaultValue");
    if (v) urls.push({ where: `resource "${el.getAttribute("id")}"`, url: v });
  }
  for (const el of descendants(root, "Override")) {
    const v = el.getAttribute("Value") ?? "";
    if (/^[a-z]+:\/\//i.test(v)) urls.push({ where: `<Override> of <${(el.parentNode as El).localName}>`, url: v });
  }
  for (const { where, url } of urls) if (!url.startsWith("https://")) problems.push(`${where}: ${url} is not https`);

  // Icons: the file exists under assets/ and has the size its use says.
  const iconUses: { url: string; size: number | null; where: string }[] = [];
  const iconUrl = descendants(root, "IconUrl")[0]?.getAttribute("DefaultValue");
  const hiUrl = descendants(root, "HighResolutionIconUrl")[0]?.getAttribute("DefaultValue");
  if (iconUrl) iconUses.push({ url: iconUrl, size: 32, where: "<IconUrl>" });
  if (hiUrl) iconUses.push({ url: hiUrl, size: 64, where: "<HighResolutionIconUrl>" });
  for (const img of descendants(root, "Image")) {
    const resid = img.getAttribute("resid");
    const size = Number(img.getAttribute("size"));
    const res = resid ? resources.get(resid) : undefined;
    const url = res?.getAttribute("DefaultValue");
    if (url && size) iconUses.push({ url, size, where: `icon "${resid}" at size ${size}` });
  }
  for (const use of iconUses) {
    const m = /\/assets\/([^/?#]+)$/.exec(use.url);
    if (!m) {
      problems.push(`${use.where}: ${use.url} is not a file under /assets/`);
      continue;
    }
    const bytes = env.asset(m[1]);
    if (!bytes) {
      problems.push(`${use.where}: assets/${m[1]} does not exist`);
      continue;
    }
    const dims = pngSize(bytes);
    if (!dims) problems.push(`${use.where}: assets/${m[1]} is not a PNG`);
    else if (use.size !== null && (dims.width !== use.size || dims.height !== use.size)) {
      problems.push(`${use.where}: assets/${m[1]} is ${dims.width}x${dims.height}, expected ${use.size}x${use.size}`);
    }
  }

  // Strings: Office's limits, and an English override for every Vietnamese default.
  const checkStrings = (kind: string, max: number) => {
    const group = descendants(root, kind)[0];
    if (!group) return;
    for (const s of descendants(group, "String")) {
      const id = s.getAttribute("id");
      const values = [s.getAttribute("DefaultValue") ?? "", ...descendants(s, "Override").map((o) => o.getAttribute("Value") ?? "")];
      for (const v of values) if (v.length > max) problems.push(`string "${id}" is longer than ${max} characters`);
      if (!descendants(s, "Override").some((o) => o.getAttribute("Locale") === "en-US")) problems.push(`string "${id}" has no en-US override`);
      if ((s.getAttribute("DefaultValue") ?? "") !== (s.getAttribute("DefaultValue") ?? "").normalize("NFC")) problems.push(`string "${id}" is not NFC`);
    }
  };
  checkStrings("ShortStrings", SHORT_MAX);
  checkStrings("LongStrings", LONG_MAX);
  for (const name of ["DisplayName", "Description"]) {
    const el = top.find((e) => e.localName === name);
    if (el && !descendants(el, "Override").some((o) => o.getAttribute("Locale") === "en-US")) problems.push(`<${name}> has no en-US override`);
  }

  // Controls: unique ids; ExecuteFunction names registered by the commands page.
  const ids = [...descendants(root, "Control"), ...descendants(root, "Group")].map((c) => c.getAttribute("id") ?? "");
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`control id "${id}" is used twice`);
  for (const fn of descendants(root, "FunctionName")) {
    const name = fn.textContent?.trim() ?? "";
    if (!env.registeredFunctions.includes(name)) problems.push(`function "${name}" is not registered with Office.actions.associate in commands.ts`);
  }
  if (descendants(root, "FunctionName").length > 0 && descendants(root, "FunctionFile").length === 0) problems.push("ExecuteFunction buttons need a <FunctionFile>");
  return problems;
}

/** Office wants resource ids of at most 32 characters. */
function id32(resources: Map<string, El>): string[] {
  return [...resources.keys()].filter((id) => id.length > 32).map((id) => `resource id "${id}" is longer than 32 characters`);
}

/** Reads the environment from the repository at `root`. */
export function repositoryEnvironment(root: string): ManifestEnvironment {
  const read = (rel: string) => {
    const p = path.join(root, rel);
    return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : "";
  };
  const docs = read("docs/OFFICE.md");
  const code = read("src/excel/requirements.ts");
  const commands = read("src/commands/commands.ts");
  return {
    asset: (name) => {
      const p = path.join(root, "assets", name);
      return fs.existsSync(p) ? new Uint8Array(fs.readFileSync(p)) : null;
    },
    documentedExcelApi: /Minimum requirement set: \*\*ExcelApi (\d+\.\d+)\*\*/.exec(docs)?.[1] ?? null,
    codeExcelApi: /export const MIN_EXCEL_API = "(\d+\.\d+)"/.exec(code)?.[1] ?? null,
    registeredFunctions: [...commands.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1]),
  };
}

function main(): void {
  const root = path.join(__dirname, "..");
  const file = path.join(root, process.argv[2] ?? "manifest.xml");
  const problems = validateManifest(fs.readFileSync(file, "utf8"), repositoryEnvironment(root));
  if (problems.length === 0) {
    console.log(`${path.relative(process.cwd(), file)}: valid (offline checks; see docs/OFFICE.md)`);
    return;
  }
  for (const p of problems) console.error(`${path.relative(process.cwd(), file)}: ${p}`);
  process.exitCode = 1;
}

if (require.main === module) main();
