/**
 * A tag-level scan of XML text: where each tag starts and ends, its name and attributes. Enough to find and
 * replace a few elements of a part while every other character stays as it was (a DOM parser and serialiser
 * would rewrite quotes, namespaces, whitespace and entities all over the part). Browser-safe.
 */

/** One tag found in the text: `<row r="3">` (start), `</row>` (end) or `<c r="A1"/>` (empty). */
export interface Tag {
  readonly kind: "start" | "end" | "empty";
  /** the qualified name as written ("x:row") */
  readonly qname: string;
  /** the name without its prefix ("row") */
  readonly local: string;
  /** "x:" or "" */
  readonly prefix: string;
  /** index of "<" */
  readonly start: number;
  /** index just after ">" */
  readonly end: number;
}

/** Thrown for text that is not well-formed where the scan needs it to be. */
export class XmlScanError extends Error {
  constructor(detail: string) {
    super(`XML: ${detail}`);
    this.name = "XmlScanError";
  }
}

function isNameChar(code: number): boolean {
  return code > 0x7f || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x3a || code === 0x5f || code === 0x2d || code === 0x2e;
}

/** Index just after the ">" closing the tag that starts at `start`, skipping ">" inside quoted attribute values. */
export function tagEnd(text: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  throw new XmlScanError(`tag at ${start} not closed`);
}

/** The next tag at or after `from` (comments, CDATA, processing instructions and doctypes skipped); null at the end. */
export function nextTag(text: string, from: number, to = text.length): Tag | null {
  let i = text.indexOf("<", from);
  while (i !== -1 && i < to) {
    if (text.startsWith("<!--", i)) {
      const e = text.indexOf("-->", i + 4);
      if (e < 0) throw new XmlScanError("comment not closed");
      i = text.indexOf("<", e + 3);
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      const e = text.indexOf("]]>", i + 9);
      if (e < 0) throw new XmlScanError("CDATA not closed");
      i = text.indexOf("<", e + 3);
      continue;
    }
    if (text.startsWith("<?", i)) {
      const e = text.indexOf("?>", i + 2);
      if (e < 0) throw new XmlScanError("processing instruction not closed");
      i = text.indexOf("<", e + 2);
      continue;
    }
    if (text.startsWith("<!", i)) {
      i = text.indexOf("<", tagEnd(text, i));
      continue;
    }
    const closing = text.charCodeAt(i + 1) === 0x2f;
    let n = i + (closing ? 2 : 1);
    const nameStart = n;
    while (n < text.length && isNameChar(text.charCodeAt(n))) n++;
    const qname = text.slice(nameStart, n);
    if (!qname) throw new XmlScanError(`no name at ${i}`);
    const end = tagEnd(text, i);
    const colon = qname.indexOf(":");
    return {
      kind: closing ? "end" : text.charCodeAt(end - 2) === 0x2f ? "empty" : "start",
      qname,
      local: colon < 0 ? qname : qname.slice(colon + 1),
      prefix: colon < 0 ? "" : qname.slice(0, colon + 1),
      start: i,
      end,
    };
  }
  return null;
}

/** The next tag named `local` (any prefix) of one of `kinds`, at or after `from`. */
export function findTag(text: string, local: string, from = 0, to = text.length, kinds: readonly Tag["kind"][] = ["start", "empty"]): Tag | null {
  // A cheap pre-search: the name must follow "<" or ":" somewhere.
  for (let t = nextTag(text, from, to); t && t.start < to; t = nextTag(text, t.end, to)) {
    if (t.local === local && kinds.includes(t.kind)) return t;
  }
  return null;
}

/**
 * A copy of `s` that keeps nothing else alive. A piece cut from a long text (a regular expression's match, `slice`) may
 * be a view into that text in the JavaScript engine, and then holds all of it: a unit's name kept from a 35 KB
 * shared-strings part kept the whole part. Texts that outlive the part they were read from go through this.
 */
export function detached(s: string): string {
  // Engines copy short pieces anyway (V8 below 13 characters); a longer one is joined to a character and cut again,
  // which makes a new flat text of its own length.
  return s.length < 13 ? s : (" " + s).slice(1);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character and entity references resolved. */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const cp = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[ref] ?? m;
  });
}

/** An element's character content: references resolved outside CDATA sections, a CDATA section's text as it is. */
export function textContent(s: string): string {
  if (!s.includes("<![CDATA[")) return unescapeXml(s);
  let out = "";
  let at = 0;
  for (let open = s.indexOf("<![CDATA[", at); open >= 0; open = s.indexOf("<![CDATA[", at)) {
    const close = s.indexOf("]]>", open + 9);
    if (close < 0) break;
    out += unescapeXml(s.slice(at, open)) + s.slice(open + 9, close);
    at = close + 3;
  }
  return out + unescapeXml(s.slice(at));
}

/** Text safe inside an element ("<", "&" and ">" escaped; quotes stay as they are). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Text safe inside a double-quoted attribute. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** The attributes of a tag's text (`<c r="A1" s="3">`), values unescaped, by qualified name. */
export function attributes(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tagText); m; m = ATTRIBUTE.exec(tagText)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** One attribute's value, or undefined. */
export function attribute(tagText: string, name: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tagText); m; m = ATTRIBUTE.exec(tagText)) if (m[1] === name) return unescapeXml(m[3] ?? m[4] ?? "");
  return undefined;
}

/** The tag's text with attribute `name` set to `value` (in place when present, else added last). */
export function withAttribute(tagText: string, name: string, value: string): string {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tagText); m; m = ATTRIBUTE.exec(tagText)) {
    if (m[1] === name) return `${tagText.slice(0, m.index)}${name}="${escapeXml(value)}"${tagText.slice(m.index + m[0].length)}`;
  }
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  // Before "/>" or ">", after any whitespace already there.
  let at = close;
  while (at > 0 && /\s/.test(tagText[at - 1])) at--;
  return `${tagText.slice(0, at)} ${name}="${escapeXml(value)}"${tagText.slice(at)}`;
}

/** The tag's text without attribute `name`. */
export function withoutAttribute(tagText: string, name: string): string {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tagText); m; m = ATTRIBUTE.exec(tagText)) {
    if (m[1] === name) {
      let from = m.index;
      while (from > 0 && /\s/.test(tagText[from - 1])) from--;
      return tagText.slice(0, from) + tagText.slice(m.index + m[0].length);
    }
  }
  return tagText;
}
