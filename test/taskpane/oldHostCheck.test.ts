/**
 * @jest-environment node
 */
/**
 * The ES5 check that runs before the bundles (src/taskpane/oldHostCheck.js): it parses as ES5 (IE11 and EdgeHTML
 * must be able to run it), it is a file of the add-in's own origin (the CSP allows no inline script), and on a
 * browser without ES2021 it replaces the pane's frame with what is needed, in Vietnamese; elsewhere it does nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = fs.readFileSync(path.join(ROOT, "src/taskpane/oldHostCheck.js"), "utf8");
const PAGE = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");

function pane(old: boolean, userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Trident/7.0") {
  const g = globalThis as Record<string, unknown>;
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const dom = new JSDOM(PAGE.replace(/<script[^>]*src="[^"]*"[^>]*><\/script>/g, ""), { runScripts: "outside-only", userAgent });
  const w = dom.window as unknown as Window & { eval: (code: string) => unknown; cchcOldHost?: boolean };
  if (old) {
    // An ES5 browser: none of the ES2020/2021 library the bundles rely on.
    w.eval("delete String.prototype.replaceAll; delete Object.fromEntries; delete Promise.allSettled; document.documentMode = 11;");
  }
  w.eval(SOURCE);
  return w;
}

test("it is ES5: it parses as ECMAScript 5", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require("acorn") as { parse: (src: string, options: { ecmaVersion: number }) => unknown };
  expect(() => acorn.parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
});

test("the page loads it from its own origin, after the frame and before the deferred bundle runs", () => {
  expect(PAGE).toMatch(/<script type="text\/javascript" src="oldHostCheck.js"><\/script>\s*<\/body>/);
  expect(PAGE.indexOf('id="container"')).toBeLessThan(PAGE.indexOf("oldHostCheck.js"));
});

test("on an old browser (IE11) the frame gives way to a Vietnamese notice naming what is needed", () => {
  const w = pane(true);
  const notice = w.document.querySelector("[data-old-host]");
  expect(notice).not.toBeNull();
  const text = notice!.textContent ?? "";
  expect(text).toContain("Microsoft 365 hoặc Office 2021 trở lên");
  expect(text).toContain("WebView2");
  expect(text).toContain("Internet Explorer 11");
  expect(text).toBe(text.normalize("NFC"));
  expect(w.document.querySelector("[data-testid=boot-frame]")).toBeNull();
  expect(w.cchcOldHost).toBe(true);
});

test("on a current browser it leaves the pane alone", () => {
  const w = pane(false, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0");
  expect(w.document.querySelector("[data-old-host]")).toBeNull();
  expect(w.document.querySelector("[data-testid=boot-frame]")).not.toBeNull();
  expect(w.cchcOldHost).toBeUndefined();
});
