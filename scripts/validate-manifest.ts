/**
 * Offline check of manifest.xml (the official `office-addin-manifest validate` posts it to a web service).
 * Checks what breaks sideloading most often: well-formed XML, OfficeApp children in the [MS-OWEMXML] order,
 * required elements, every resid defined, every URL https, every icon present in assets/ at its size,
 * strings within Office's length limits with an en-US override, the ExcelApi set agreeing with
 * docs/OFFICE.md and src/excel/requirements.ts, every ExecuteFunction name registered in commands.ts, a Supertip
 * (title and description) on every control, <FunctionFile> before the extension points, locales of the schema's
 * form, and every URL on one host. `npm run validate` checks manifest.xml and, when a build wrote one,
 * dist/manifest.xml (a deployment's: no localhost, a version above the repository's); `npm run validate -- FILE`
 * checks FILE. It prints the problems and exits 1 when there is any.
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
/** A culture name as the schema's ST_CultureName takes it: "vi-VN", "en-US", "zh-Hant-TW". */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/;

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

  // Every control has a Supertip with a title and a description (the schema requires it; Office shows it on hover).
  for (const control of descendants(root, "Control")) {
    const tip = children(control).find((c) => c.localName === "Supertip");
    const id = control.getAttribute("id") ?? "?";
    if (!tip) problems.push(`control "${id}" has no <Supertip>`);
    else for (const part of ["Title", "Description"]) if (!children(tip).some((c) => c.localName === part)) problems.push(`control "${id}": <Supertip> has no <${part}>`);
  }
  // In each form factor, <FunctionFile> comes before the extension points (the schema's sequence).
  for (const ff of [...descendants(root, "DesktopFormFactor"), ...descendants(root, "MobileFormFactor")]) {
    const kids = children(ff).map((c) => c.localName);
    const file = kids.indexOf("FunctionFile");
    const point = kids.indexOf("ExtensionPoint");
    if (file >= 0 && point >= 0 && file > point) problems.push(`<FunctionFile> must come before <ExtensionPoint> in <${ff.localName}>`);
  }
  // Locales of the schema's culture-name form.
  const locales = [text("DefaultLocale"), ...descendants(root, "Override").map((o) => o.getAttribute("Locale") ?? "")];
  for (const locale of new Set(locales)) if (!LOCALE.test(locale)) problems.push(`locale "${locale}" is not a culture name such as vi-VN`);
  // Every URL on one host: a deployment moves them all (scripts/deployManifest.js).
  const hosts = new Set(urls.map((u) => /^https?:\/\/[^/]+/.exec(u.url)?.[0] ?? u.url));
  if (hosts.size > 1) problems.push(`URLs on more than one host: ${[...hosts].join(", ")}`);
  return problems;
}

/** Numeric comparison of two n.n.n.n versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The problems of a deployment's manifest beyond the common ones: still on localhost, or not above the
 * repository's version (Office and WebView2 would keep the cached add-in).
 */
export function deploymentProblems(xml: string, repositoryXml: string): string[] {
  const problems: string[] = [];
  if (xml.includes("https://localhost")) problems.push("a deployment manifest still points at https://localhost (build with ADDIN_HOST=https://…)");
  const v = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1] ?? "";
  const base = /<Version>([^<]+)<\/Version>/.exec(repositoryXml)?.[1] ?? "";
  if (compareVersions(v, base) <= 0) problems.push(`<Version> ${v} is not above the repository's ${base}: Office would keep the cached add-in`);
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

/**
 * What `npm run validate` says of each manifest: the named one, else the repository's and, when a build made one,
 * dist/manifest.xml. A manifest other than the repository's with no localhost left in it is a deployment's and
 * must also be above the repository's version. Lines for stdout and stderr; `ok` false when any has a problem.
 */
export function validateFiles(root: string, named?: string, cwd = process.cwd()): { out: string[]; err: string[]; ok: boolean } {
  const repository = path.join(root, "manifest.xml");
  const built = path.join(root, "dist", "manifest.xml");
  const files = named ? [path.resolve(cwd, named)] : [repository, ...(fs.existsSync(built) ? [built] : [])];
  const env = repositoryEnvironment(root);
  const repositoryXml = fs.readFileSync(repository, "utf8");
  const out: string[] = [];
  const err: string[] = [];
  for (const file of files) {
    const name = path.relative(cwd, file);
    if (!fs.existsSync(file)) {
      err.push(`${name}: no such file (build it first: ADDIN_HOST=https://… npm run build)`);
      continue;
    }
    const xml = fs.readFileSync(file, "utf8");
    const problems = validateManifest(xml, env);
    if (file !== repository && !xml.includes("https://localhost:3000")) problems.push(...deploymentProblems(xml, repositoryXml));
    if (problems.length === 0) out.push(`${name}: valid (offline checks; see docs/OFFICE.md)`);
    for (const p of problems) err.push(`${name}: ${p}`);
  }
  return { out, err, ok: err.length === 0 };
}

function main(): void {
  const result = validateFiles(path.join(__dirname, ".."), process.argv[2]);
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  if (!result.ok) process.exitCode = 1;
}

if (require.main === module) main();
