/**
 * The ribbon's function commands (manifest: ExecuteFunction checkSheet / fillTotals), run in commands.html's
 * invisible runtime with the same adapter as the pane. Each marks the cells concerned and says what it did in
 * a small Office dialog (notice.html); details and fixes stay in the pane. `event.completed()` is always called,
 * when the dialog is closed or could not open, so Office never waits on the button. Each command is one read
 * (sheets, marks and settings together) and at most one write (cells, marks and selection together). Warnings the
 * user acknowledged in the pane (kept in the workbook's settings) are neither counted nor marked, as in the pane,
 * so a command never replaces the pane's marks with ones that include them.
 */
import { ExcelHost, ExcelHostError, toExcelHostError } from "../excel";
import { activeConflicts, splitAcknowledged } from "../app/acknowledgements";
import type { FoundCheckState } from "../app/host";
import { workbookErrorMessage } from "../app/hostErrorMessages";
import type { WorkbookSettings } from "../app/settings";
import { countBySeverity, fillBlocker, type Lang } from "../core";
import { commandTexts } from "./messages";

let host: ExcelHost | null = null;
function excelHost(): ExcelHost {
  host ??= new ExcelHost();
  return host;
}

/** The language: the workbook's setting (read with the check), else Office's display language. */
function language(settings: WorkbookSettings | undefined): Lang {
  if (settings?.lang) return settings.lang;
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

/** The command's texts in the language the settings its check loaded ask for. */
type TextsFor = (settings: WorkbookSettings | undefined) => ReturnType<typeof commandTexts>;

/**
 * Runs a command body and reports its outcome or its failure; always completes the event. The body's check
 * loads the settings and gives them to `texts`; until then (a check that fails) Office's language is used, as it
 * is for damaged settings (the check logs those and goes on without them).
 */
async function runCommand(event: Office.AddinCommands.Event, body: (h: ExcelHost, texts: TextsFor) => Promise<string>): Promise<void> {
  let lang = language(undefined);
  try {
    const h = excelHost();
    const text = await body(h, (settings) => {
      lang = language(settings);
      return commandTexts(lang);
    });
    const t = commandTexts(lang);
    await notify(t.title, text, t.close);
  } catch (e) {
    const err = e instanceof ExcelHostError ? e : toExcelHostError(e);
    console.error("ribbon command failed", err);
    const t = commandTexts(lang);
    await notify(t.title, workbookErrorMessage(err, lang), t.close);
  } finally {
    event.completed();
  }
}

/** The findings the pane lists as still to deal with: all but the warnings acknowledged in the settings read. */
function activeFindings(state: FoundCheckState) {
  return splitAcknowledged(state.findings, state.settings?.acknowledged);
}

/**
 * "Kiểm tra trang tính": check, mark the findings (not the acknowledged warnings), go to the first one. Changes no
 * data. One read; one write (marks and selection) unless there is nothing to mark and no old mark to remove.
 */
export function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (h, texts) => {
    const state = await h.check({ loadSettings: true, highlight: (found) => activeFindings(found).active, select: true });
    const t = texts(state.settings);
    if (!state.found) return t.notFound(state.failure);
    const { active, acknowledged } = activeFindings(state);
    const { error: errors, warning: warnings } = countBySeverity(active);
    const text = errors + warnings === 0 ? t.clean(state.sheet) : `${t.checked(errors, warnings, state.sheet)} ${t.openPane}`;
    return acknowledged.length ? `${text} ${t.acknowledged(acknowledged.length)}` : text;
  });
}

/**
 * "Điền tổng và tỷ lệ": write the formulas of blank computed cells; cells holding another value are only marked.
 * One read, one write.
 */
export function fillTotals(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, async (h, texts) => {
    // One read; one write with the formulas and the conflicts' marks (replacing any earlier marks) together.
    const conflicts = (found: FoundCheckState) => activeConflicts(found.conflicts, found.findings, found.settings?.acknowledged);
    const state = await h.check({ loadSettings: true, fill: true, highlight: conflicts });
    const t = texts(state.settings);
    if (!state.found) return t.notFound(state.failure);
    const blocked = fillBlocker(state);
    if (blocked) return t.notFilled(blocked.reason, state.sheet);
    const marked = conflicts(state).length;
    const text = state.patches.length ? t.filled(state.patches.length, marked) : t.nothingToFill(marked);
    return marked ? `${text} ${t.openPane}` : text;
  });
}

Office.onReady(() => {
  Office.actions.associate("checkSheet", checkSheet);
  Office.actions.associate("fillTotals", fillTotals);
});
