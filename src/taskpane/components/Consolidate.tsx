import * as React from "react";
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { tableBody, tableCaption, tableCell, tableHeaderCell, tableScroll } from "./tableStyles";
import { ArrowDownload20Regular, CheckmarkCircle16Filled, SubtractCircle16Regular, TableSimple20Regular, Warning16Filled } from "@fluentui/react-icons";
import {
  cellA1, countBySeverity, formatFinding, formatIssue, formatUnusable, parsePeriodKey, periodKey, periodLabel, type Severity,
  type UnitStatus,
} from "../../core";
import {
  SUMMARY_FILE_NAME,
  consolidateUnits,
  readUnitWithExcelJs,
  readUnits,
  summaryWorkbookBytes,
  unitState,
  type ReadUnit,
  type ReadUnitFn,
  type UnitState,
} from "../consolidation";
import { downloadXlsx } from "../download";
import { useLang } from "../i18n";
import { ErrorBar } from "./ErrorBar";
import { SectionTitle } from "./SectionTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  files: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    // Every chosen file is listed: no box of its own that would hide some of them.
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  scroll: tableScroll,
  table: tableBody("288px"),
  caption: tableCaption,
  th: { ...tableHeaderCell, verticalAlign: "bottom", wordBreak: "normal", overflowWrap: "break-word" },
  td: {
    ...tableCell,
    wordBreak: "normal",
    overflowWrap: "break-word",
  },
  // Units often write their name in capitals ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"): the column must hold the widest
  // syllable whole, so the file name sits under the unit instead of in a column of its own.
  unitName: { display: "block", hyphens: "auto" },
  // A file name is no word: it may break anywhere rather than widen the table.
  fileName: {
    display: "block",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  colPeriod: { width: "3.8em" },
  colCount: { width: "2.6em" },
  colWarnings: { width: "3.4em" },
  colState: { width: "5.6em" },
  rowHead: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: "end", overflowWrap: "normal" },
  state: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXXS },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  review: { color: tokens.colorPaletteDarkOrangeForeground1 },
  set_aside: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  issues: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  unitBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "break-word" },
  unitHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word" },
  findings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "break-word" },
  findingCell: { fontWeight: tokens.fontWeightSemibold },
  unread: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const INTENT: Readonly<Record<Severity, "error" | "warning" | "info">> = { error: "error", warning: "warning", info: "info" };

function StateIcon(props: { state: UnitState }) {
  const styles = useStyles();
  const Icon = props.state === "ready" ? CheckmarkCircle16Filled : props.state === "review" ? Warning16Filled : SubtractCircle16Regular;
  return <Icon aria-hidden className={styles[props.state]} />;
}

/** Writes TONG_HOP.xlsx from a consolidation in a language (replaceable in tests). */
export type WriteSummary = typeof summaryWorkbookBytes;

type Phase =
  | { readonly kind: "chosen" }
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  | { readonly kind: "read"; readonly units: readonly ReadUnit[] };

/**
 * Several files chosen outside Excel: "Tổng hợp" reads them one by one (progress bar), then shows each file's status,
 * the consolidation issues, and offers TONG_HOP.xlsx. Everything is worded in the current language, re-worded on a switch.
 */
export function Consolidate(props: { files: readonly File[]; readUnit?: ReadUnitFn; writeSummary?: WriteSummary }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const { files } = props;
  const readUnit = props.readUnit ?? readUnitWithExcelJs;
  const writeSummary = props.writeSummary ?? summaryWorkbookBytes;
  const [phase, setPhase] = React.useState<Phase>({ kind: "chosen" });
  const [writing, setWriting] = React.useState(false);
  const [failed, setFailed] = React.useState(false);
  const [download, setDownload] = React.useState<string | null>(null);
  const alive = React.useRef(true);
  React.useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  React.useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const units = phase.kind === "read" ? phase.units : null;
  // The user's choices, as the command line's --period, --prefer and --include-hidden: "" for the period most units sent.
  const [periodChoice, setPeriodChoice] = React.useState("");
  const [prefer, setPrefer] = React.useState<readonly string[]>([]);
  const [includeHidden, setIncludeHidden] = React.useState<readonly string[]>([]);
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(new Set());
  const byMajority = React.useMemo(() => (units ? consolidateUnits(units, { prefer, includeHidden }) : null), [units, prefer, includeHidden]);
  const consolidation = React.useMemo(() => {
    const period = periodChoice ? parsePeriodKey(periodChoice) : null;
    return units ? (period ? consolidateUnits(units, { period, prefer, includeHidden }) : byMajority) : null;
  }, [units, periodChoice, prefer, includeHidden, byMajority]);
  React.useEffect(() => setDownload(null), [consolidation]);
  /** The consolidation shown now: a summary written for an earlier choice is not offered as this one. */
  const shown = React.useRef(consolidation);
  shown.current = consolidation;
  /** Takes `file` for its unit instead of the file kept (the pane's --prefer). */
  const useInstead = (file: string, kept: string) => setPrefer((p) => [...p.filter((f) => f !== kept && f !== file), file]);
  const toggle = (file: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(file)) next.add(file);
      return next;
    });

  const start = async () => {
    setFailed(false);
    setDownload(null);
    setPhase({ kind: "reading", done: 0, total: files.length });
    setPeriodChoice("");
    setPrefer([]);
    setIncludeHidden([]);
    setExpanded(new Set());
    const read = await readUnits(files, readUnit, (done, total) => {
      if (alive.current) setPhase({ kind: "reading", done, total });
    });
    if (alive.current) setPhase({ kind: "read", units: read });
  };

  const save = async () => {
    if (!consolidation) return;
    setWriting(true);
    setFailed(false);
    try {
      const bytes = await writeSummary(consolidation, lang);
      // The user may change a choice while it is written (the period, the file kept): that summary no longer says
      // what the pane shows, so it is not offered; the button writes the new one.
      if (alive.current && shown.current === consolidation) setDownload(downloadXlsx(bytes, SUMMARY_FILE_NAME));
    } catch (e) {
      // Writing a workbook the model already holds should not fail; if it does, the user gets one sentence
      // and the console gets the error.
      console.error("CCHC pane: writing the summary workbook failed", e);
      if (alive.current) setFailed(true);
    } finally {
      if (alive.current) setWriting(false);
    }
  };

  const reading = phase.kind === "reading";
  let statusText = "";
  if (reading) statusText = t.progress(phase.done, phase.total);
  else if (writing) statusText = t.writing;
  else if (consolidation) {
    const aside = consolidation.statuses.filter((s) => s.column === null).length;
    const ready = consolidation.statuses.filter((s) => s.ready).length;
    const unread = consolidation.unusable.filter((u) => u.failure !== "lock_file").length;
    statusText = t.batchSummary(consolidation.columns.length, ready, consolidation.columns.length - ready, aside, unread);
  }

  const stateText: Record<UnitState, string> = { ready: t.stateReady, review: t.stateReview, set_aside: t.stateSetAside };
  const shortName = (file: string) => file.replace(/^.*[\\/]/, "");

  /** One unit's file: its consolidation issues (a duplicate offers to be used instead), then its findings on demand. */
  const unitBlock = (s: UnitStatus, i: number) => {
    if (!consolidation || (s.issues.length === 0 && s.findings.length === 0)) return null;
    const headingId = `consolidate-unit-${i}`;
    const listId = `consolidate-findings-${i}`;
    const open = expanded.has(s.file);
    const { error: errors, warning: warnings } = countBySeverity(s.findings);
    return (
      <section key={`${i}:${s.file}`} className={styles.unitBlock} aria-labelledby={headingId} data-testid="unit-block" data-file={s.file}>
        <h3 id={headingId} className={styles.unitHeading} lang="vi">
          {t.issueTitle(s.unit, shortName(s.file))}
        </h3>
        {s.issues.map((issue, k) => (
          <MessageBar key={`${k}:${issue.code}`} intent={INTENT[issue.severity]} politeness="polite" data-issue={issue.code} data-file={issue.file} layout="multiline">
            <MessageBarBody>
              {formatIssue(issue, lang, consolidation.template)}
            </MessageBarBody>
            {issue.code === "duplicate_unit" && issue.detail.why !== "same_file" && (
              <MessageBarActions>
                <Button size="small" aria-label={t.useThisFileLabel(shortName(s.file))} onClick={() => useInstead(s.file, issue.detail.keptFile)}>
                  {t.useThisFile}
                </Button>
              </MessageBarActions>
            )}
            {issue.code === "hidden_sheet_only" && (
              <MessageBarActions>
                <Button
                  size="small"
                  aria-label={t.includeHiddenLabel(issue.detail.sheet, shortName(s.file))}
                  onClick={() => setIncludeHidden((files) => [...files.filter((f) => f !== s.file), s.file])}
                >
                  {t.includeHidden}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        ))}
        {s.findings.length > 0 && (
          <>
            <Button appearance="subtle" size="small" aria-expanded={open} aria-controls={listId} onClick={() => toggle(s.file)} data-testid="toggle-findings">
              {open ? t.hideFindings : t.showFindings(errors, warnings)}
            </Button>
            {open && (
              <ul id={listId} className={styles.findings} aria-label={t.findingsOf(s.unit)} data-testid="unit-findings">
                {s.findings.map((f, k) => (
                  <li key={k} data-code={f.code} data-severity={f.severity}>
                    <span className={styles.findingCell}>{cellA1(f.cell)}</span> · {t.severity[f.severity]}: {formatFinding(f, lang, consolidation.template)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    );
  };
  // Lock files are skipped, not failures: a note of their own after the files that could not be read.
  const unread = consolidation?.unusable.filter((u) => u.failure !== "lock_file") ?? [];
  const skipped = consolidation?.unusable.filter((u) => u.failure === "lock_file") ?? [];
  const choosable = byMajority?.periods ?? [];

  return (
    <section className={styles.root} aria-labelledby="consolidate-title" data-testid="consolidate">
      <SectionTitle id="consolidate-title">{t.consolidateTitle}</SectionTitle>
      <Text id="consolidate-files">{t.filesChosen(files.length)}</Text>
      {/* Scrolls when long, so it takes focus for keyboard scrolling. */}
      <ul className={styles.files} data-testid="chosen-files" aria-labelledby="consolidate-files" tabIndex={0}>
        {files.map((f, i) => (
          <li key={`${i}:${f.name}`}>{f.name}</li>
        ))}
      </ul>
      <div className={styles.buttons}>
        <Button
          appearance={consolidation ? "secondary" : "primary"}
          icon={<TableSimple20Regular />}
          disabled={reading || writing}
          title={t.consolidateHint(files.length)}
          onClick={() => void start()}
        >
          {t.consolidate}
        </Button>
        {consolidation && (
          <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={writing} onClick={() => void save()}>
            {t.downloadSummary}
          </Button>
        )}
      </div>
      {reading && (
        <Field label={t.progressLabel}>
          <ProgressBar value={phase.total ? phase.done / phase.total : 0} max={1} thickness="large" data-testid="consolidate-progress" />
        </Field>
      )}
      {/* One live region, always present: progress while reading, then the outcome. */}
      <Text role="status" aria-live="polite" data-testid="consolidate-status">
        {statusText}
      </Text>
      {failed && <ErrorBar error={null} text={t.consolidateFailed} onDismiss={() => setFailed(false)} />}
      {download && (
        <Text size={200} className={styles.muted}>
          <Link href={download} download={SUMMARY_FILE_NAME}>
            {t.downloadReady(SUMMARY_FILE_NAME)}
          </Link>
        </Text>
      )}
      {consolidation && choosable.length > 0 && (
        <Field label={t.periodPick} hint={t.periodHint}>
          <Select value={periodChoice} onChange={(_, d) => setPeriodChoice(d.value)} data-testid="consolidate-period">
            <option value="">{t.periodAuto(periodLabel(byMajority?.period ?? null, lang))}</option>
            {choosable.map((p) => (
              <option key={periodKey(p)} value={periodKey(p)}>
                {periodLabel(p, lang)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {consolidation && (
        <>
          <SectionTitle id="consolidate-status-title">{t.statusTitle}</SectionTitle>
          <div className={styles.scroll} role="region" aria-labelledby="consolidate-status-title" tabIndex={0}>
            <table className={styles.table} data-testid="consolidate-table" aria-labelledby="consolidate-status-title">
              <caption className={styles.caption}>{t.statusCaption}</caption>
              <colgroup>
                <col />
                <col className={styles.colPeriod} />
                <col className={styles.colCount} />
                <col className={styles.colWarnings} />
                <col className={styles.colState} />
              </colgroup>
              <thead>
                <tr>
                  {[t.colUnitName, t.colPeriod, t.colErrors, t.colWarnings, t.colReady].map((h) => (
                    <th key={h} scope="col" className={styles.th}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {consolidation.statuses.map((s, i) => {
                  const state = unitState(s);
                  return (
                    <tr key={`${i}:${s.file}`} data-testid="status-row" data-file={s.file} data-state={state}>
                      <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                        <span className={styles.unitName} lang="vi" data-part="unit">
                          {s.unit}
                        </span>
                        <span className={styles.fileName} data-part="file" data-breakable="">
                          {s.file}
                        </span>
                      </th>
                      <td className={styles.td}>{periodLabel(s.period, lang)}</td>
                      <td className={mergeClasses(styles.td, styles.number)}>{s.errors}</td>
                      <td className={mergeClasses(styles.td, styles.number)}>{s.warnings}</td>
                      <td className={styles.td}>
                        <span className={styles.state}>
                          <StateIcon state={state} />
                          <span>{stateText[state]}</span>
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {unread.length > 0 && (
            <>
              <SectionTitle id="consolidate-unread-title">{t.unreadTitle}</SectionTitle>
              <ul className={styles.unread} aria-labelledby="consolidate-unread-title" data-testid="unread-files">
                {unread.map((u, i) => (
                  <li key={`${i}:${u.file}`} data-file={u.file} data-failure={u.failure}>
                    {t.unreadItem(u.file, formatUnusable(u, lang, consolidation.template))}
                  </li>
                ))}
              </ul>
            </>
          )}
          {skipped.map((u, i) => (
            <Text key={`${i}:${u.file}`} size={200} className={styles.muted} data-testid="skipped-file" data-file={u.file}>
              {t.unreadItem(u.file, formatUnusable(u, lang, consolidation.template))}
            </Text>
          ))}
          <SectionTitle id="consolidate-issues-title">{t.issuesTitle}</SectionTitle>
          <div className={styles.issues} data-testid="consolidate-issues">
            {consolidation.statuses.every((s) => s.issues.length === 0 && s.findings.length === 0) && <Text>{t.noIssues}</Text>}
            {consolidation.statuses.map(unitBlock)}
          </div>
          <Text size={200} className={styles.muted}>
            {t.findingsInWorkbook}
          </Text>
        </>
      )}
    </section>
  );
}
