/** Where the pane runs: inside Excel (office.js loaded and the host is Excel) or outside it. */

/** How long to wait for Office.onReady before starting outside Excel (office.js may hang offline). */
export const OFFICE_READY_TIMEOUT_MS = 2500;

/** Says on the console why the pane starts outside Excel: inside Excel that would otherwise be a silent surprise. */
function outside(why: string, error?: unknown): "outside" {
  if (error === undefined) console.warn(`CCHC pane: starting outside Excel: ${why}`);
  else console.warn(`CCHC pane: starting outside Excel: ${why}`, error);
  return "outside";
}

/** "excel" inside Excel; "outside" in a plain browser, when office.js did not load, or when it does not answer in time. */
export async function detectMode(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<"excel" | "outside"> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return outside("office.js did not load");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (!info) return outside(`Office.onReady did not answer within ${timeoutMs} ms`);
    if (info.host !== Office.HostType.Excel) return outside(`the Office host is ${info.host ?? "none (a plain browser)"}`);
    return "excel";
  } catch (e) {
    // office.js loaded but failed to initialise: a plain browser page, so the pane runs outside Excel.
    return outside("Office.onReady failed", e);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
