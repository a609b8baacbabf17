/** Where the pane runs: inside Excel (office.js loaded and the host is Excel) or outside it. */

/** How long to wait for Office.onReady before starting outside Excel (office.js may hang offline). */
export const OFFICE_READY_TIMEOUT_MS = 2500;

/** "excel" inside Excel; "outside" in a plain browser, when office.js did not load, or when it does not answer in time. */
export async function detectMode(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<"excel" | "outside"> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "outside";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    return info && info.host === Office.HostType.Excel ? "excel" : "outside";
  } catch {
    // office.js loaded but failed to initialise: a plain browser page, so the pane runs outside Excel.
    return "outside";
  } finally {
    if (timer) clearTimeout(timer);
  }
}
