/**
 * Where the pane runs: inside Excel (office.js loaded and the host is Excel) or outside it. office.js is loaded
 * `async` (taskpane.html), so the pane's frame paints at once even when Microsoft's CDN is slow or hangs; the pane
 * then decides by what Office puts in the page of an add-in it hosts (docs/OFFICE.md, "Start"):
 *
 * - the host-info query parameter (`?_host_Info=Excel$Win32$16.01$vi-VN$…`), its copy in sessionStorage
 *   ("hostInfoValue", kept across the pane's own navigations) or in `window.name`: Excel is there, so the pane waits
 *   for office.js (a cold WebView2 or a slow link can take many seconds) with a visible "connecting" state, and if
 *   office.js never comes says so ("unreachable") rather than opening the file checker inside Excel;
 * - only being framed (Excel on the web frames the pane, but so could any page): a shorter wait, then outside;
 * - none of these: a plain browser, outside at once (if office.js is already there, Office.onReady decides).
 */

/** How long to wait for Office.onReady when nothing in the page says Office is there. */
export const OFFICE_READY_TIMEOUT_MS = 2500;
/** How long to wait for office.js and Office.onReady when the page says Excel hosts it. */
export const OFFICE_INSIDE_WAIT_MS = 30_000;
/** How long to wait when the page is only framed. */
export const OFFICE_FRAMED_WAIT_MS = 10_000;

/** What Office puts in the page of an add-in it hosts. */
export interface PageSignals {
  /** `_host_Info` in the query string (Office adds it to the pane's URL) */
  readonly hostInfoQuery: boolean;
  /** office.js's copy of it in sessionStorage ("hostInfoValue"), or in window.name */
  readonly hostInfoStored: boolean;
  /** the page is inside a frame (Excel on the web) */
  readonly framed: boolean;
}

/** Reads the signals from a window (never throws: a sandboxed frame may refuse storage or `top`); none without one. */
export function pageSignals(win: Window | undefined = typeof window === "undefined" ? undefined : window): PageSignals {
  if (!win) return { hostInfoQuery: false, hostInfoStored: false, framed: false };
  let stored = false;
  try {
    stored = Boolean(win.sessionStorage?.getItem("hostInfoValue"));
  } catch {
    stored = false;
  }
  try {
    const name = win.name ? (JSON.parse(win.name) as { hostInfo?: unknown }) : null;
    stored ||= Boolean(name && typeof name === "object" && name.hostInfo);
  } catch {
    // window.name is not office.js's JSON
  }
  let framed: boolean;
  try {
    framed = win.top !== win.self;
  } catch {
    framed = true;
  }
  return { hostInfoQuery: new URLSearchParams(win.location.search).has("_host_Info"), hostInfoStored: stored, framed };
}

/** How sure the page is that Office hosts it. */
export function officeExpected(s: PageSignals): "yes" | "maybe" | "no" {
  if (s.hostInfoQuery || s.hostInfoStored) return "yes";
  return s.framed ? "maybe" : "no";
}

/** Where the pane starts: inside Excel, outside it, or inside an Office that office.js could not be loaded for. */
export type StartMode = "excel" | "outside" | "unreachable";

export interface DetectOptions {
  /** the page's signals (default: read from `window`) */
  readonly signals?: PageSignals;
  /** the wait when nothing says Office is there and office.js is loaded */
  readonly readyTimeoutMs?: number;
  readonly insideWaitMs?: number;
  readonly framedWaitMs?: number;
  /** called at once when the pane is going to wait for Excel, to show that it is connecting */
  readonly onWaiting?: () => void;
}

/** Says on the console why the pane starts outside Excel: inside Excel that would otherwise be a silent surprise. */
function outside(why: string, error?: unknown): "outside" {
  if (error === undefined) console.warn(`CCHC pane: starting outside Excel: ${why}`);
  else console.warn(`CCHC pane: starting outside Excel: ${why}`, error);
  return "outside";
}

/** Whether office.js has defined `Office`, waiting up to `ms` for its script (its load/error events, or a poll). */
export function officeJsLoaded(ms: number, doc: Document | undefined = typeof document === "undefined" ? undefined : document): Promise<boolean> {
  const ready = () => typeof Office !== "undefined" && typeof Office.onReady === "function";
  if (ready()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let done = false;
    const script = doc?.getElementById("office-js");
    const finish = (value: boolean) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(value);
    };
    script?.addEventListener("load", () => finish(ready()));
    script?.addEventListener("error", () => finish(false));
    const poll = setInterval(() => ready() && finish(true), 100);
    const timer = setTimeout(() => finish(ready()), ms);
  });
}

/** Office.onReady within `ms`: the host, null for a plain browser, "timeout", or the error it failed with. */
async function onReadyWithin(ms: number): Promise<{ host: Office.HostType | null } | "timeout" | { error: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    return info === "timeout" ? info : { host: info?.host ?? null };
  } catch (error) {
    return { error };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * "excel" inside Excel; "outside" in a plain browser, when office.js did not load and nothing says Office hosts
 * the page, or when it does not answer in time; "unreachable" when the page says Excel hosts it but office.js or
 * Office.onReady never came (the pane says so instead of opening the file checker inside Excel).
 */
export async function detectMode(options: DetectOptions | number = {}): Promise<StartMode> {
  const o: DetectOptions = typeof options === "number" ? { readyTimeoutMs: options } : options;
  const expected = officeExpected(o.signals ?? pageSignals());
  if (expected === "no") {
    // A plain browser: office.js, if it is already there, still gets its short say (a host that adds no signal).
    if (typeof Office === "undefined" || typeof Office.onReady !== "function") return outside("office.js did not load");
    return decide(await onReadyWithin(o.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS), o.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS, false);
  }
  o.onWaiting?.();
  const budget = expected === "yes" ? (o.insideWaitMs ?? OFFICE_INSIDE_WAIT_MS) : (o.framedWaitMs ?? OFFICE_FRAMED_WAIT_MS);
  const started = Date.now();
  if (!(await officeJsLoaded(budget))) {
    if (expected === "yes") {
      console.error(`CCHC pane: Excel hosts this page but office.js did not load within ${budget} ms`);
      return "unreachable";
    }
    return outside(`office.js did not load within ${budget} ms in a framed page`);
  }
  const left = Math.max(budget - (Date.now() - started), 1000);
  return decide(await onReadyWithin(left), left, expected === "yes");
}

function decide(result: { host: Office.HostType | null } | "timeout" | { error: unknown }, waited: number, inside: boolean): StartMode {
  if (result === "timeout") {
    if (inside) {
      console.error(`CCHC pane: Excel hosts this page but Office.onReady did not answer within ${waited} ms`);
      return "unreachable";
    }
    return outside(`Office.onReady did not answer within ${waited} ms`);
  }
  // office.js loaded but failed to initialise: a plain browser page, so the pane runs outside Excel.
  if ("error" in result) return outside("Office.onReady failed", result.error);
  if (result.host !== Office.HostType.Excel) return outside(`the Office host is ${result.host ?? "none (a plain browser)"}`);
  return "excel";
}
