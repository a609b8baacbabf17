/**
 * @jest-environment node
 */
/**
 * The ribbon commands' message box (src/commands/notice.html, an Office dialog). Its close button answers the
 * command through `Office.context.ui.messageParent`, which works only once office.js has initialised the dialog:
 * the page waits for `Office.onReady`, and a click made before that is sent when it comes. The page's own inline
 * script runs here in jsdom against an office.js stand-in whose readiness the test controls.
 */
import * as fs from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";

const PAGE = fs.readFileSync(path.resolve(__dirname, "../../src/commands/notice.html"), "utf8");
const INLINE = /<script>([\s\S]*?)<\/script>/.exec(PAGE)![1];

interface Dialog {
  readonly window: Window & { eval: (code: string) => unknown };
  /** what reached the ribbon's runtime */
  readonly sent: string[];
  /** messageParent calls made before office.js was ready (lost in a real Office) */
  readonly early: string[];
  /** office.js finishes initialising */
  ready(): void;
}

function dialog(query: string, options: { officeJs?: boolean } = {}): Dialog {
  const g = globalThis as Record<string, unknown>;
  g.TextEncoder ??= TextEncoder;
  g.TextDecoder ??= TextDecoder;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require("jsdom") as typeof import("jsdom");
  const html = PAGE.replace(/<script[^>]*src="[^"]*"[^>]*><\/script>/g, "").replace(/<script>[\s\S]*?<\/script>/, "");
  const dom = new JSDOM(html, { runScripts: "outside-only", url: `https://localhost:3000/notice.html?${query}` });
  const w = dom.window as unknown as Dialog["window"] & { Office?: unknown };
  const sent: string[] = [];
  const early: string[] = [];
  let isReady = false;
  const callbacks: (() => void)[] = [];
  if (options.officeJs !== false) {
    // office.js is on the page at once, but its context is usable only after initialisation.
    w.Office = {
      context: {
        ui: {
          messageParent: (message: string) => (isReady ? sent : early).push(message),
        },
      },
      onReady: (cb: () => void) => {
        if (isReady) cb();
        else callbacks.push(cb);
      },
    };
  }
  w.eval(INLINE);
  return {
    window: w,
    sent,
    early,
    ready: () => {
      isReady = true;
      for (const cb of callbacks.splice(0)) cb();
    },
  };
}

const click = (d: Dialog) => (d.window.document.getElementById("close") as HTMLButtonElement).click();

test("a click before office.js is ready is not lost: it is sent once Office.onReady has run", () => {
  const d = dialog("title=Ki%E1%BB%83m%20tra&text=Xong.&close=%C4%90%C3%B3ng");
  click(d);
  expect(d.sent).toEqual([]);
  expect(d.early).toEqual([]);
  d.ready();
  expect(d.sent).toEqual(["close"]);
  expect(d.early).toEqual([]);
});

test("a click after office.js is ready is sent at once", () => {
  const d = dialog("title=T&text=X");
  d.ready();
  expect(d.sent).toEqual([]);
  click(d);
  expect(d.sent).toEqual(["close"]);
});

test("without a click nothing is sent when office.js becomes ready", () => {
  const d = dialog("title=T&text=X");
  d.ready();
  expect(d.sent).toEqual([]);
});

test("the texts come from the query string as text, never as markup; the close button has focus", () => {
  const d = dialog(`title=${encodeURIComponent("Kiểm tra <b>xong</b>")}&text=${encodeURIComponent("<img src=x onerror=alert(1)>")}&close=Close`);
  const doc = d.window.document;
  expect(doc.getElementById("title")!.textContent).toBe("Kiểm tra <b>xong</b>");
  expect(doc.getElementById("title")!.children).toHaveLength(0);
  expect(doc.getElementById("text")!.children).toHaveLength(0);
  expect(doc.getElementById("close")!.textContent).toBe("Close");
  expect(doc.activeElement).toBe(doc.getElementById("close"));
  expect(dialog("").window.document.getElementById("close")!.textContent).toBe("Đóng");
});

test("where office.js never loaded, a click does nothing and throws nothing", () => {
  const d = dialog("title=T&text=X", { officeJs: false });
  expect(() => click(d)).not.toThrow();
});
