import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular, TableEdit20Regular } from "@fluentui/react-icons";
import {
  builtinFormReasons, builtinForms, type CellState, cellA1, checkCurrency, formatFormCurrency, countBySeverity, fillBlocker, isBlankCell, type Finding, type Form, formatFormProblem, matchedIndicators,
  missingIndicators, type Patch, readiness, readinessText, writtenCell,
} from "../../core";
import type { AppendixChoice, AppendixHost, CheckState, FixChange } from "../../app/host";
import { formatCellContent, formatCellState, formatCellValue } from "../format";
import type { WorkbookSettings } from "../../app/settings";
import { ackKey, fingerprint, pruneAcknowledged, splitAcknowledged, type SplitFindings } from "../../app/acknowledgements";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";
import { ErrorBar, logUnexpected } from "./ErrorBar";
import { FillPreview } from "./FillPreview";
import { FindingList, findingKey, reviewOrder } from "./FindingList";
import { LandingMessage, type Landing } from "./Landing";
import { NotFound, Recognised } from "./StartSection";
import { FormSection, type FormNote } from "./FormSection";
import { documentOf, formOfSettings, settingsWithForm, templatesFor } from "../../app/formInUse";
import { visuallyHidden } from "./visuallyHidden";
import { TitledBody } from "./TitledBody";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  counts: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Said to screen readers only: the confirmation shown next to where the focus landed.
  announcer: visuallyHidden,
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A check that found the appendix. */
export type FoundState = Extract<CheckState, { found: true }>;

/** An action that needs the fill first (outside Excel: downloading the filled copy), run once the fill is written. */
export interface FillFirst {
  /** run after the fill; what it returns is added to the fill's confirmation */
  readonly then: () => Promise<string | void>;
  /** where the focus goes back when the preview is closed without filling */
  readonly focusBack: () => void;
}

/** What a surface adds to the pane once the appendix is found (outside Excel: the download and the read-only preview). */
export interface PaneExtra {
  /**
   * next to the check and fill buttons; `fillFirst` opens the fill preview for an action that needs the fill (null
   * when nothing is left to fill, or the fill is blocked), `fillFirstOpen` says the preview is open for one
   */
  readonly actions?: (ctx: {
    state: FoundState;
    active: readonly Finding[];
    busy: boolean;
    fillFirst: ((action: FillFirst) => void) | null;
    fillFirstOpen: boolean;
  }) => React.ReactNode;
  /** below the findings */
  readonly after?: (ctx: { state: FoundState; active: readonly Finding[]; busy: boolean }) => React.ReactNode;
}

/**
 * Where an action lands: on the finding after the one acted on (or that one itself: `stay`), or on the result.
 * Resolved after the action, against the findings then listed.
 */
type LandFrom = { readonly finding: Finding; readonly stay?: boolean } | "result";

/** A fix the clerk may take back from its confirmation: what changed, the finding it fixed, the cell's name. */
interface UndoOffer {
  readonly change: FixChange;
  readonly finding: Finding;
  readonly cell: string;
}

/** What an operation says when done: a sentence, or a sentence with its intent and the undo it offers. */
type Done = string | void | { readonly notice: string; readonly intent?: "success" | "warning"; readonly undo?: UndoOffer };

/** An operation's answer when it changed nothing and waits for the user (a fix to confirm): no re-check, no landing. */
const WAITING = Symbol("waiting");

/** A landing before it is resolved: the keys to try in turn (none: the result). */
interface PendingLanding {
  readonly id: number;
  readonly candidates: readonly string[];
  readonly notice?: string;
  readonly intent?: "success" | "warning";
  readonly undo?: UndoOffer;
  readonly error?: unknown;
}

/** The keys to land on after acting on `key`: the findings after it, then those before it (nearest first). */
function candidatesAfter(order: readonly string[], key: string, stay: boolean): string[] {
  const i = order.indexOf(key);
  if (i < 0) return [key];
  return [...(stay ? [key] : []), ...order.slice(i + 1), ...order.slice(0, i).reverse()];
}

/**
 * The pane's flows over one host: start (recognised or insert), check (summary, findings by section, fixes,
 * acknowledgements), fill (preview, conflicts confirmed one by one) and the ready state. After each action the focus
 * lands on the next finding or on the result, and the confirmation is shown there (Landing).
 */
export function Pane(props: { host: AppendixHost; extra?: PaneExtra; focusResultOnLoad?: boolean }) {
  const styles = useStyles();
  const { t, lang, setLang } = useLang();
  const { host } = props;
  const [state, setState] = React.useState<CheckState | null>(null);
  const [settings, setSettings] = React.useState<WorkbookSettings | null>(null);
  const settingsRef = React.useRef<WorkbookSettings>({});
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<{ error: unknown } | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [view, setView] = React.useState<"findings" | "fill">("findings");
  const [errorsOnly, setErrorsOnly] = React.useState(false);
  const [pending, setPending] = React.useState<PendingLanding | null>(null);
  // The fix waiting for the user's word because its cell holds something: the finding's key, the finding as it was
  // asked about (its fingerprint) and what the cell holds. It stays open until the user answers it or acts on that
  // finding, whatever else finishes meanwhile; it is shown only while the finding is listed as it was asked about.
  const [replacing, setReplacing] = React.useState<{ key: string; asked: string; before: CellState } | null>(null);
  const landingSeq = React.useRef(0);
  /** The operations one after another: each starts once the one before has finished (none reads a state another is changing). */
  const queue = React.useRef<Promise<void>>(Promise.resolve());
  /** The user's operations asked for and not yet finished: the pane is busy while there is one. */
  const userRuns = React.useRef(0);
  /** Where the current landing was resolved (once, when it was first shown): later checks do not move the focus. */
  const resolvedLanding = React.useRef<{ readonly id: number; readonly key: string | null } | null>(null);
  /** The keys of the listed findings in their order, as last rendered: what an action's landing starts from. */
  const orderRef = React.useRef<readonly string[]>([]);
  const fillButtonRef = React.useRef<HTMLButtonElement>(null);
  /** where the focus goes once the fill preview is closed */
  const focusAfterFill = React.useRef<(() => void) | null>(null);
  /** the action the fill preview was opened for, if not the fill button */
  const [fillFirst, setFillFirst] = React.useState<FillFirst | null>(null);
  const [highlighting, setHighlighting] = React.useState(false);
  const highlightRef = React.useRef(false);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const [form, setForm] = React.useState<{ form: Form; file: string | null } | null>(null);
  const [formNote, setFormNote] = React.useState<FormNote | null>(null);
  const [builtinReasons, setBuiltinReasons] = React.useState<{ templateId: string; reasons: Form["reasons"] } | null>(null);
  const [formRefused, setFormRefused] = React.useState<{ sentence: string; more: number } | null>(null);
  // The sheet and value column the user chose where the check would otherwise choose (kept for the session).
  const [choice, setChoice] = React.useState<AppendixChoice>({});

  const saveSettings = React.useCallback(
    async (next: WorkbookSettings) => {
      settingsRef.current = next;
      setSettings(next);
      await host.saveSettings(next);
    },
    [host],
  );

  const recheck = React.useCallback(async (userEdit = false) => {
    // One read and at most one write: the pruned acknowledgements and the marks go in the check's own write. After the
    // user's own edit the host may write nothing (where a write would clear Excel's undo stack).
    let pruned: WorkbookSettings | undefined;
    const next = await host.check({
      userEdit,
      saveSettings: (s) => {
        const current = settingsRef.current.acknowledged;
        const kept = pruneAcknowledged(current, s.findings);
        // An acknowledgement whose warning is gone or whose values changed no longer holds: drop it from the workbook.
        if (!current || kept === current) return undefined;
        pruned = { ...settingsRef.current, acknowledged: kept };
        return pruned;
      },
      highlight: highlightRef.current
        ? (s) => splitAcknowledged(s.findings, (pruned ?? settingsRef.current).acknowledged).active
        : undefined,
    });
    if (pruned) {
      settingsRef.current = pruned;
      setSettings(pruned);
    }
    setState(next);
  }, [host]);

  /**
   * Runs one operation after those asked for before it: its error shown in the user's language, then a fresh check.
   * With `land`, the focus then lands on the next finding (or the result) and the confirmation or the error is shown
   * there. An operation the user asked for makes the pane busy and clears the last confirmation; the check after the
   * user's own edit in the workbook (`after_user_edit`) runs in the background: it leaves the confirmation, the
   * question of a fix, the focus and the buttons as they are, so nothing the user has open vanishes under them.
   */
  const run = React.useCallback(
    (op: () => Promise<Done | typeof WAITING>, checkAfter: boolean | "after_user_edit" = true, land?: LandFrom): Promise<void> => {
      const background = checkAfter === "after_user_edit";
      const from = land && land !== "result" ? findingKey(land.finding) : null;
      // The findings as the user saw them when asking: where the focus goes on from.
      const candidates = from ? candidatesAfter(orderRef.current, from, land !== "result" && land?.stay === true) : [];
      if (!background) {
        userRuns.current++;
        setBusy(true);
        setError(null);
        setNotice(null);
        setPending(null);
        // Acting on the finding whose fix asks (confirming it, skipping the warning…) answers the question.
        if (from) setReplacing((r) => (r?.key === from ? null : r));
      }
      const task = queue.current.then(async () => {
        try {
          const done = await op();
          if (done === WAITING) return;
          const said = typeof done === "object" ? done : { notice: done || undefined };
          if (checkAfter) await recheck(background);
          if (land) setPending({ id: ++landingSeq.current, candidates, ...said });
          else if (said.notice) setNotice(said.notice);
        } catch (e) {
          logUnexpected("a workbook operation failed", e);
          // A failed action leaves its finding where it was: the error is said on its card.
          if (land) setPending({ id: ++landingSeq.current, candidates: from ? [from, ...candidates] : [], error: e });
          else setError({ error: e });
        } finally {
          if (!background && --userRuns.current === 0) setBusy(false);
        }
      });
      queue.current = task;
      return task;
    },
    [recheck],
  );

  const focusResultOnLoad = props.focusResultOnLoad === true;
  React.useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let alive = true;
    void run(async () => {
      const loaded = await host.loadSettings();
      if (!alive) return;
      settingsRef.current = loaded;
      setSettings(loaded);
      if (loaded.lang) setLang(loaded.lang);
      // The form saved with the workbook, checked again like any form file (a damaged one is ignored).
      const saved = formOfSettings(loaded);
      if (saved) {
        host.useTemplates(templatesFor(saved));
        setForm({ form: saved, file: null });
      }
      const off = await host.onUserChange(() => void run(async () => undefined, "after_user_edit"));
      if (alive) unsubscribe = off;
      else off();
    }, true, focusResultOnLoad ? "result" : undefined);
    return () => {
      alive = false;
      unsubscribe?.();
    };
    // Only the host matters here: a new host is a new workbook; `run` changes with it.
  }, [host, run, setLang, focusResultOnLoad]);

  // The language is kept with the workbook once the user picks one.
  React.useEffect(() => {
    if (settings && lang !== (settings.lang ?? "vi")) void saveSettings({ ...settings, lang }).catch((e) => {
        logUnexpected("saving the language failed", e);
        setError({ error: e });
      });
  }, [lang, settings, saveSettings]);

  const found = state?.found ? state : null;
  const template = found?.template;
  const split: SplitFindings = found
    ? splitAcknowledged(found.findings, settings?.acknowledged)
    : { active: [], acknowledged: [] };
  // Ready to send: the one rule (core/readiness.ts) the command line and the consolidation use, with this workbook's
  // acknowledgements (a fresh empty template is not ready: nothing is answered).
  const acknowledgedSet = new Set(split.acknowledged.map((a) => a.finding));
  const verdict = found ? readiness(found, (f) => acknowledgedSet.has(f)) : null;
  const verdictText = verdict ? readinessText(verdict, lang) : null;
  const counts = countBySeverity(split.active);
  const order = template ? reviewOrder(split, template, errorsOnly).map(findingKey) : [];
  orderRef.current = order;
  const acknowledgedKeys = split.acknowledged.map((a) => findingKey(a.finding));
  const listed = (k: string) => order.includes(k) || acknowledgedKeys.includes(k);
  // A landing is resolved once, against the findings listed when it is first shown; a later check (the user's edit
  // in the workbook) does not send the focus elsewhere. Its confirmation stays on that card, or goes to the result
  // once the card is gone.
  if (pending && resolvedLanding.current?.id !== pending.id) {
    resolvedLanding.current = { id: pending.id, key: pending.candidates.find(listed) ?? null };
  }
  const resolvedKey = pending ? resolvedLanding.current!.key : null;
  const landedKey = resolvedKey !== null && listed(resolvedKey) ? resolvedKey : null;
  const undo = pending?.undo;
  const landing: Landing | null = pending && {
    id: pending.id,
    key: landedKey,
    notice: pending.notice,
    intent: pending.intent,
    error: pending.error,
    onDismissError: () => setPending(null),
    actions: undo && (
      <Button size="small" aria-label={t.undoAt(undo.cell)} disabled={busy} data-testid="undo-fix" onClick={() => onUndo(undo)}>
        {t.undo}
      </Button>
    ),
  };
  // Landing on the result: the summary takes the focus (a card's landing is focused by the list), once per landing.
  const pendingId = pending?.id;
  const onResult = pending !== null && resolvedKey === null;
  React.useEffect(() => {
    if (onResult) summaryRef.current?.focus();
    // Once per landing: a later check that takes the landed card away does not move the focus to the result.
  }, [pendingId]);
  React.useEffect(() => {
    if (view === "findings" && focusAfterFill.current) {
      const focus = focusAfterFill.current;
      focusAfterFill.current = null;
      focus();
    }
  }, [view]);

  // The relations' reasons of the form the appendix was checked against: the loaded form's, else the built-in form's
  // (a chunk of their own, loaded once an appendix is found).
  const templateId = template?.id;
  React.useEffect(() => {
    if (!templateId || form) return;
    let alive = true;
    builtinFormReasons(templateId).then(
      (reasons) => alive && setBuiltinReasons({ templateId, reasons }),
      (e: unknown) => logUnexpected("loading the built-in form's reasons failed", e),
    );
    return () => {
      alive = false;
    };
  }, [templateId, form]);
  const reasons = form ? form.form.reasons : builtinReasons?.templateId === templateId ? builtinReasons?.reasons : undefined;
  // Whether the form fits the report: the facts of the form the appendix was checked against (the loaded one, else the
  // built-in form of that template).
  const checkedFacts = template && (form && form.form.template === template ? form.form.facts : builtinForms.find((f) => f.template === template)?.facts);
  const currency = React.useMemo(
    () => (found && checkedFacts ? checkCurrency(checkedFacts, found).map((w) => formatFormCurrency(w, checkedFacts, lang)) : []),
    [found, checkedFacts, lang],
  );
  // The question of a fix is shown while its finding is listed as it was asked about: once the cell has changed (the
  // user's own edit), the old → new it shows no longer holds, and the fix asks again if it is chosen again.
  const asking = replacing && split.active.some((f) => findingKey(f) === replacing.key && fingerprint(f) === replacing.asked) ? replacing : null;
  const staleQuestion = replacing !== null && asking === null;
  React.useEffect(() => {
    if (staleQuestion) setReplacing(null);
  }, [staleQuestion]);
  const blocked = found ? fillBlocker(found) : null;
  const onChoose = (next: AppendixChoice) =>
    void run(async () => {
      host.useChoice(next);
      setChoice(next);
      setView("findings");
    });
  const onSelect = (f: Finding) => found && void run(() => host.select(found.sheet, f.cell), false);
  // A fix into a blank cell (or one holding the fix's own formula) is one click; over anything else the host writes
  // nothing and says what is there, the card shows old → new, and only "Ghi đè" writes. Each fix says what it changed
  // and offers its undo where the focus lands.
  const onFix = (f: Finding, replace: boolean) =>
    found && f.fix && void run(async () => {
      const fix = f.fix!;
      const outcome = await host.applyFix(found.sheet, fix, { replace });
      if (!outcome.written) {
        setReplacing({ key: findingKey(f), asked: fingerprint(f), before: outcome.before });
        return WAITING;
      }
      const cell = cellA1(writtenCell(fix));
      const { before } = outcome.change;
      const notice = isBlankCell(before)
        ? t.filledCell(cell, formatCellValue(fix, lang))
        : t.fixed(cell, formatCellContent(before, lang, t), formatCellValue(fix, lang));
      return { notice, undo: { change: outcome.change, finding: f, cell } };
    }, true, { finding: f });
  const onCancelReplace = () => setReplacing(null);
  // The undo lands on the finding it brings back (or on the result); a cell changed since the fix is left as it is.
  const onUndo = (u: UndoOffer) =>
    void run(async () => {
      const outcome = await host.undoFix(u.change);
      if (!outcome.undone) return { notice: t.undoRefused(u.cell, formatCellState(outcome.now, lang, t)), intent: "warning" as const };
      return { notice: t.undone(u.cell, formatCellContent(u.change.before, lang, t)) };
    }, true, { finding: u.finding, stay: true });
  const onAcknowledge = (f: Finding, reason: string) =>
    void run(async () => {
      const ack = { ...(settingsRef.current.acknowledged ?? {}), [ackKey(f)]: { reason, fingerprint: fingerprint(f) } };
      await saveSettings({ ...settingsRef.current, acknowledged: ack });
      return t.acknowledged(cellA1(f.cell));
    }, false, { finding: f });
  const onUnacknowledge = (f: Finding) =>
    void run(async () => {
      const ack = { ...(settingsRef.current.acknowledged ?? {}) };
      delete ack[ackKey(f)];
      await saveSettings({ ...settingsRef.current, acknowledged: ack });
      return t.unacknowledged(cellA1(f.cell));
    }, false, { finding: f, stay: true });
  const onInsert = (options: { unitName?: string; year?: number; period?: WorkbookSettings["period"] }) =>
    void run(async () => {
      const next = { ...settingsRef.current, ...options };
      const got: { state?: CheckState } = {};
      // One read and one write: the sheet and the settings together; the new sheet's state comes from the plan.
      const sheet = await host.insertTemplate({ ...options, settings: next, checked: (s) => (got.state = s) });
      if (got.state) {
        settingsRef.current = next;
        setSettings(next);
        setState(got.state);
      } else {
        // A host that does not take the combined options
        await saveSettings(next);
        await recheck();
      }
      return t.inserted(sheet);
    }, false);
  const onApplyFill = (patches: Patch[]) =>
    found &&
    void run(async () => {
      const then = fillFirst;
      // One write (plus one read of the marks when highlighting is on); the new state is computed, not read.
      const next = await host.applyPatches(found.sheet, patches, {
        recheck: true,
        highlight: highlightRef.current
          ? (s) => splitAcknowledged(s.findings, settingsRef.current.acknowledged).active
          : undefined,
      });
      if (next) setState(next);
      else await recheck();
      setView("findings");
      setFillFirst(null);
      // The action the fill was asked for (the download of the filled copy) runs on what was just written.
      const more = then ? await then.then() : undefined;
      return more ? `${t.filled(patches.length)} ${more}` : t.filled(patches.length);
    }, false, "result");
  const closeFill = () => {
    focusAfterFill.current = fillFirst?.focusBack ?? (() => fillButtonRef.current?.focus());
    setFillFirst(null);
    setView("findings");
  };
  const openFill = (action: FillFirst | null) => {
    setFillFirst(action);
    setView("fill");
  };
  const onHighlight = (on: boolean) =>
    found &&
    void run(async () => {
      highlightRef.current = on;
      setHighlighting(on);
      if (on) await host.highlight(found.sheet, split.active);
      else await host.clearHighlights(found.sheet);
    }, false);

  const onLoadForm = (file: File) =>
    void run(async () => {
      setFormNote(null);
      setFormRefused(null);
      // The file adapter reads both kinds (.xlsx, .json) within the same limits; loaded only when a form is opened.
      const { readFormBytes } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx");
      const r = await readFormBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!r.ok) {
        const errors = r.problems.filter((p) => p.severity === "error");
        setFormRefused({ sentence: formatFormProblem(errors[0] ?? r.problems[0], lang), more: Math.max(0, errors.length - 1) });
        return;
      }
      host.useTemplates(templatesFor(r.form));
      setForm({ form: r.form, file: file.name });
      if (host.kind !== "excel") {
        setFormNote({ kind: "session" });
        return;
      }
      const kept = settingsWithForm(settingsRef.current, documentOf(r.form));
      if (!kept.fits) {
        setFormNote({ kind: "too_large", bytes: kept.bytes, limit: kept.limit });
        return;
      }
      await saveSettings(kept.settings);
      setFormNote({ kind: "saved" });
    });
  const onBuiltinForm = () =>
    void run(async () => {
      setFormNote(null);
      setFormRefused(null);
      host.useTemplates(templatesFor(null));
      setForm(null);
      if (host.kind === "excel" && settingsRef.current.form) {
        const { form: _dropped, ...rest } = settingsRef.current;
        await saveSettings(rest);
      }
    });

  return (
    <div className={styles.root}>
      <FormSection
        form={form?.form ?? null}
        file={form?.file ?? null}
        builtin={builtinForms[0]}
        busy={busy}
        note={formNote}
        refused={formRefused}
        currency={currency}
        onLoad={onLoadForm}
        onBuiltin={onBuiltinForm}
      />
      {error && <ErrorBar error={error.error} onDismiss={() => setError(null)} />}
      {notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state?.marksNote && (
        <MessageBar intent="info" data-testid="marks-note">
          <MessageBarBody>{state.marksNote === "kept_for_undo" ? t.marksKeptForUndo : t.marksUnreadable}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={t.working} labelPosition="after" />}
      {!state && !busy && error && (
        <div className={styles.actions}>
          <Button icon={<ArrowSync20Regular />} onClick={() => void run(async () => undefined)}>
            {t.check}
          </Button>
        </div>
      )}
      {state && !state.found && settings && (
        <NotFound sheets={state.sheets} failure={state.failure} settings={settings} busy={busy} onInsert={onInsert} />
      )}
      {found && (
        <Recognised
          sheet={found.sheet}
          location={found.location}
          template={template}
          matched={matchedIndicators(found)}
          missing={missingIndicators(found)}
          others={found.others}
          split={found.split}
          rest={found.rest}
          hidden={found.hidden}
          choice={choice}
          busy={busy}
          onChoose={onChoose}
        />
      )}
      {found && (
        <section className={styles.section} aria-labelledby="check-title">
          <SectionTitle id="check-title">
            {t.checkTitle}
          </SectionTitle>
          <div
            className={styles.summary}
            role="status"
            aria-live="polite"
            aria-atomic="true"
            tabIndex={-1}
            ref={summaryRef}
            data-testid="result"
          >
            <Text className={styles.counts} data-testid="summary">
              {t.summary(counts.error, counts.warning)}
            </Text>
            {(counts.info > 0 || split.acknowledged.length > 0) && (
              <Text size={200}>
                {[counts.info > 0 ? t.summaryInfos(counts.info) : "", split.acknowledged.length > 0 ? t.acknowledgedCount(split.acknowledged.length) : ""]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            )}
          </div>
          {landing && landing.key === null && <LandingMessage landing={landing} />}
          {verdict && (
            <MessageBar
              intent={verdict.ready ? "success" : "warning"}
              data-testid="ready"
              data-ready={verdict.ready}
              aria-describedby="ready-body"
            >
              <TitledBody title={verdictText!.title} bodyId="ready-body" bodyTestId="ready-body">
                {verdictText!.body}
              </TitledBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={() => void run(async () => undefined)}>
              {t.check}
            </Button>
            <Button
              ref={fillButtonRef}
              appearance={view === "fill" ? "secondary" : "primary"}
              icon={<TableEdit20Regular />}
              aria-expanded={view === "fill" && fillFirst === null}
              disabled={busy || view === "fill" || blocked !== null}
              onClick={() => openFill(null)}
            >
              {t.fill}
            </Button>
            {props.extra?.actions?.({
              state: found,
              active: split.active,
              busy,
              // Something left to fill, and nothing stopping the fill: an action that needs it opens the preview first.
              fillFirst: blocked === null && found.patches.length > 0 ? openFill : null,
              fillFirstOpen: view === "fill" && fillFirst !== null,
            })}
          </div>
          {blocked && (
            <Text size={200} data-testid="fill-blocked">
              {blocked.reason === "hidden_sheet" ? t.fillBlockedHidden(found.sheet) : t.fillBlockedColumn}
            </Text>
          )}
          {host.kind === "excel" && (
            <Switch label={t.highlight} checked={highlighting} disabled={busy} onChange={(_, d) => onHighlight(d.checked)} />
          )}
        </section>
      )}
      {found && view === "fill" && (
        <FillPreview
          patches={found.patches}
          conflicts={found.conflicts}
          template={template}
          busy={busy}
          forDownload={fillFirst !== null}
          onApply={onApplyFill}
          onCancel={closeFill}
        />
      )}
      {found && view === "findings" && template && (
        <section className={styles.section} aria-labelledby="findings-title">
          <SectionTitle id="findings-title">
            {t.findingsTitle}
          </SectionTitle>
          {split.active.length === 0 && split.acknowledged.length === 0 ? (
            <Text>{t.noFindings}</Text>
          ) : (
            <FindingList
              split={split}
              template={template}
              errorsOnly={errorsOnly}
              onErrorsOnly={setErrorsOnly}
              landing={landing}
              kept={host.kind === "excel" ? "workbook" : "session"}
              selectsInPreview={host.kind !== "excel"}
              formReason={(relation) => reasons?.[relation]?.[lang]}
              busy={busy}
              onSelect={onSelect}
              onFix={onFix}
              replacing={asking}
              onCancelReplace={onCancelReplace}
              onAcknowledge={onAcknowledge}
              onUnacknowledge={onUnacknowledge}
            />
          )}
        </section>
      )}
      {found && props.extra?.after?.({ state: found, active: split.active, busy })}
      <div className={styles.announcer} role="status" aria-live="polite" data-testid="announcer">
        {pending?.notice ?? ""}
      </div>
    </div>
  );
}
