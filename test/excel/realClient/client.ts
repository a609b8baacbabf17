/**
 * Microsoft's Excel client (`@microsoft/office-js`, pinned in package.json: the same code office.js loads inside
 * Excel) evaluated in a jsdom window, with no network (every way out of the window refused and recorded) and no
 * Office host behind it. Requests go to a session the test host provides (SessionBase, the client's own extension
 * point for hosts); change events come in through the client's own test channel. One window per process: loading the 2.9 MB client takes a few hundred ms.
 */
import * as fs from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";

/** The Excel client file: the Windows desktop build (`excel-win32-16.01`), the one most of the users run. */
export const CLIENT_FILE = "excel-win32-16.01.debug.js";
/** The other builds office.js loads: Excel on the web and Excel for Mac. */
export const OTHER_CLIENT_FILES = ["excel-web-16.00.debug.js", "excel-mac-16.00.debug.js"] as const;

/** The window's globals the host uses. */
export interface ExcelClient {
  readonly window: Window & typeof globalThis;
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension & {
    SessionBase: new () => object;
    _testSetRichApiMessageReadyImpl: (impl: () => Promise<void>) => void;
    _testTriggerRichApiMessageEvent: (message: unknown) => void;
  };
  /** Which ExcelApi versions the client's own API checks accept (Office.context.requirements), set per run. */
  supported: (version: string) => boolean;
  /** Every attempt the client made to reach the network (XMLHttpRequest, fetch, WebSocket, a script or image URL): each refused. */
  readonly networkAttempts: string[];
}

/**
 * Shuts the window's ways to the network: XMLHttpRequest, fetch, WebSocket, EventSource and sendBeacon throw, and an
 * element given a src or href to load is refused. Each attempt is recorded, so a test can say none was made.
 */
function closeNetwork(window: Window & typeof globalThis, attempts: string[]): void {
  const refuse = (what: string): never => {
    attempts.push(what);
    throw new Error(`no network at test time: ${what}`);
  };
  const w = window as unknown as Record<string, unknown>;
  for (const name of ["XMLHttpRequest", "WebSocket", "EventSource"]) {
    w[name] = function Refused(url?: unknown) {
      refuse(`${name} ${String(url ?? "")}`);
    };
  }
  w.fetch = (input: unknown) => refuse(`fetch ${String(input)}`);
  Object.defineProperty(window.navigator, "sendBeacon", { value: (url: unknown) => refuse(`sendBeacon ${String(url)}`) });
  // jsdom loads no subresource without `resources: "usable"`; an element pointed at a URL is still refused loudly.
  const setAttribute = window.Element.prototype.setAttribute;
  window.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if ((name === "src" || name === "href") && /^(https?:)?\/\//i.test(value)) refuse(`<${this.localName} ${name}="${value}">`);
    return setAttribute.call(this, name, value);
  };
  for (const [proto, prop] of [
    [window.HTMLScriptElement.prototype, "src"],
    [window.HTMLImageElement.prototype, "src"],
    [window.HTMLIFrameElement.prototype, "src"],
    [window.HTMLLinkElement.prototype, "href"],
  ] as const) {
    Object.defineProperty(proto, prop, {
      configurable: true,
      get: () => "",
      set(value: string) {
        refuse(`<${(this as Element).localName} ${prop}="${value}">`);
      },
    });
  }
}

const clients = new Map<string, ExcelClient>();

/** The package's installed version (the one package-lock.json pins). */
export function clientVersion(): string {
  const pkg = require.resolve("@microsoft/office-js/package.json");
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

/** A client build of the package's dist/ (the Windows desktop one unless named), loaded once per process. */
export function excelClient(file: string = CLIENT_FILE): ExcelClient {
  const cached = clients.get(file);
  if (cached) return cached;
  // Under jest's jsdom environment (the ribbon commands' tests) the globals jsdom itself needs are missing.
  const g = globalThis as Record<string, unknown>;
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const script = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", file);
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost:3000/taskpane.html",
  });
  const window = dom.window as unknown as Window & typeof globalThis & Record<string, unknown>;
  const networkAttempts: string[] = [];
  closeNetwork(window, networkAttempts);
  window.eval(fs.readFileSync(script, "utf8"));
  const loaded: ExcelClient = {
    window,
    Excel: window.Excel as typeof Excel,
    OfficeExtension: window.OfficeExtension as ExcelClient["OfficeExtension"],
    supported: () => true,
    networkAttempts,
  };
  // The client asks Office.context.requirements before APIs newer than its base set (ApiNotFound otherwise).
  (window as unknown as Record<string, unknown>).Office = {
    context: {
      requirements: { isSetSupported: (name: string, version?: string | number) => name !== "ExcelApi" || loaded.supported(String(version)) },
    },
  };
  // Event registration would otherwise wait for the Office host's message channel.
  loaded.OfficeExtension._testSetRichApiMessageReadyImpl(() => window.Promise.resolve() as Promise<void>);
  clients.set(file, loaded);
  return loaded;
}
