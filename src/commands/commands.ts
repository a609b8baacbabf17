/**
 * The ribbon's function commands (manifest: ExecuteFunction checkSheet / fillTotals), run in commands.html's
 * invisible runtime with the same adapter as the pane. Each marks the cells concerned and says what it did in
 * a small Office dialog (notice.html); details and fixes stay in the pane. `event.completed()` is always called,
 * when the dialog is closed or could not open, so Office never waits on the button.
 */
import { ExcelHost } from "../excel/excelHost";
import { ExcelHostError, toExcelHostError } from "../excel/errors";
import { excelErrorMessage } from "../excel/messages";
import { commandTexts } from "./messages";

let host: ExcelHost | null = null;
function excelHost(): ExcelHost {
  host ??= new ExcelHost();
  return host;
}

/** The language: the workbook's setting, else Office's display language. */
async function language(h: ExcelHost): Promise<"vi" | "en"> {
  const saved = (await h.loadSettings()).lang;
  if (saved) return saved;
  return Office.context.displayLanguage?.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** Shows `text` in a small dialog and resolves when it is closed (or at once if it cannot open). */
function notify(title: string, text: string, close: string): Promise<void> {
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("title", title);
  url.searchParams.set("text", text);
  url.searchParams.set("close", close);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error("the notice dialog did not open", result.error);
        resolve();
        return;
      }
      const dialog = result.value;
      const done = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** Runs a command body and reports its outcome or its failure; always completes the event. */
async function runCommand(event: Office.AddinCommands.Event, body: (h: ExcelHost, lang: "vi" | "en") => Promise<string>): Promise<void> {
  let lang: "vi" | "en" = "vi";
  try {
    const h = excelHost();
    // Damaged settings must not stop the command: the message falls back to Vietnamese, the cause is logged.
    lang = await language(h).catch((e: unknown) => {
      console.error("could not read the language setting", e);
      return "vi" as const;
    });
    const t = commandTexts(lang);
    await notify(t.title, await body(h, lang), t.close);
  } catch (e) {
    const err = e instanceof ExcelHostError ? e : toExcelHostError(e);
    console.error("ribbon command failed", err);
    const t = commandTexts(lang);
    await notify(t.title, excelErrorMessage(err, lang), t.close);
  } finally {
    event.completed();
  }
}

/** "Kiểm tra trang tính": check, mark the findings, go to the first one. Changes no data. */
export function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (h, lang) => {
    const t = commandTexts(lang);
    const state = await h.check();
    if (!state.found) return t.notFound;
    await h.highlight(state.sheet, state.findings);
    const errors = state.findings.filter((f) => f.severity === "error").length;
    const warnings = state.findings.filter((f) => f.severity === "warning").length;
    if (errors + warnings === 0) return t.clean(state.sheet);
    await h.select(state.sheet, state.findings[0].cell);
    return `${t.checked(errors, warnings, state.sheet)} ${t.openPane}`;
  });
}

/** "Điền tổng và tỷ lệ": write the formulas of blank computed cells; cells holding another value are only marked. */
export function fillTotals(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (h, lang) => {
    const t = commandTexts(lang);
    const state = await h.check();
    if (!state.found) return t.notFound;
    await h.applyPatches(state.sheet, state.patches);
    await h.highlight(state.sheet, state.conflicts);
    const text = state.patches.length ? t.filled(state.patches.length, state.conflicts.length) : t.nothingToFill(state.conflicts.length);
    return state.conflicts.length ? `${text} ${t.openPane}` : text;
  });
}

Office.onReady(() => {
  Office.actions.associate("checkSheet", checkSheet);
  Office.actions.associate("fillTotals", fillTotals);
});
