import * as React from "react";
import { Button, Caption1, Field, Textarea, Text, makeStyles, tokens } from "@fluentui/react-components";
import { QuestionCircle20Regular, Wrench20Regular } from "@fluentui/react-icons";
import { type CellState, cellA1, expectationText, type Finding, fixLabel, formatFinding, formulaText, type Template, writtenCell } from "../../core";
import { formatCellState, formatCellValue, formatFixWrite, formatValue } from "../format";
import { useLang } from "../i18n";
import { canAcknowledge } from "../../app/acknowledgements";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // The card takes the focus when the review moves to it: the ring says where the clerk is.
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
    scrollMarginTop: "48px",
    scrollMarginBottom: "16px",
  },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  // Words wrap whole; only a "word" wider than the card (a long formula) breaks.
  message: { flexGrow: 1, minWidth: 0, overflowWrap: "break-word" },
  help: { flexShrink: 0, minWidth: "auto" },
  helpText: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  values: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  fix: { color: tokens.colorNeutralForeground2, overflowWrap: "break-word" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  meaning: { color: tokens.colorNeutralForeground2 },
  replace: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  // A formula may be wider than the card: it alone may break anywhere.
  change: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** Where an acknowledgement is kept: in the workbook (inside Excel) or for this session only (outside). */
export type AcknowledgementsKept = "workbook" | "session";

/** What the card can do; every operation goes to the host through the pane. */
export interface FindingCardProps {
  readonly finding: Finding;
  readonly template: Template;
  readonly onSelect: (f: Finding) => void;
  /** the fix, once (`replace` false) or confirmed over what the cell holds (`replace` true) */
  readonly onFix?: (f: Finding, replace: boolean) => void;
  /**
   * set while the fix waits for the user's word: what the cell holds, which the fix would replace (old → new is
   * shown with "Ghi đè" and "Hủy")
   */
  readonly replacing?: CellState;
  /** the user keeps the cell as it is (Cancel or Escape): nothing is written */
  readonly onCancelReplace?: (f: Finding) => void;
  readonly onAcknowledge?: (f: Finding, reason: string) => void;
  /** set for an acknowledged warning: its reason, and the way to withdraw it */
  readonly acknowledgedReason?: string;
  readonly onUnacknowledge?: (f: Finding) => void;
  readonly busy?: boolean;
  /** where a reason given here is kept (said next to the reason field) */
  readonly kept?: AcknowledgementsKept;
  /** the relation's reason given by the form in use, shown after the rule's own help */
  readonly formReason?: string;
  /** "Đến ô" outside Excel marks the row in the preview below instead of selecting a cell of a sheet */
  readonly selectsInPreview?: boolean;
}

/** One finding: severity, message, values seen and expected, the fix, the rule's help, and the actions on it. */
export const FindingCard = React.forwardRef<HTMLDivElement, FindingCardProps>(function FindingCard(props, ref) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const { finding: f, busy } = props;
  const [asking, setAsking] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [tried, setTried] = React.useState(false);
  const [helpOpen, setHelpOpen] = React.useState(false);
  const acknowledgeRef = React.useRef<HTMLButtonElement>(null);
  const cardRef = React.useRef<HTMLDivElement | null>(null);
  const replaceRef = React.useRef<HTMLDivElement>(null);
  const replaceId = React.useId();
  const messageId = React.useId();
  const helpId = React.useId();
  const keptId = React.useId();
  // A value only where something determines it; a bound as a bound ("Phải ≥ 0"); what the other cells give as such.
  const expectation = expectationText(f, lang, (v) => formatValue(v, lang, t));
  const message = formatFinding(f, lang, props.template);
  const cell = cellA1(f.cell);
  const fixCell = f.fix ? cellA1(writtenCell(f.fix)) : cell;
  const fixText = f.fix
    ? fixLabel(f, lang, props.template) ||
      (f.fix.formula
        ? t.fixFormula(cellA1(writtenCell(f.fix)), formulaText(f.fix.formula, lang))
        : t.fixValue(cellA1(writtenCell(f.fix)), formatCellValue(f.fix, lang)))
    : null;

  // The question takes the focus when it appears, so old → new is read out; a second, explicit click writes.
  const replacing = props.replacing;
  React.useEffect(() => {
    if (replacing) replaceRef.current?.focus();
  }, [replacing]);
  /** Keeps the cell as it is: the question closes and the focus stays on the card. */
  const cancelReplace = () => {
    props.onCancelReplace?.(f);
    requestAnimationFrame(() => cardRef.current?.focus());
  };

  /** Leaves the reason form: what was typed is dropped, and the focus goes back to the button that opened it. */
  const closeForm = () => {
    setAsking(false);
    setReason("");
    setTried(false);
    requestAnimationFrame(() => acknowledgeRef.current?.focus());
  };
  const save = () => {
    setTried(true);
    const text = reason.trim();
    if (!text) return;
    props.onAcknowledge?.(f, text);
    setAsking(false);
    setReason("");
    setTried(false);
  };

  return (
    <div
      ref={(el) => {
        cardRef.current = el;
        if (typeof ref === "function") ref(el);
        else if (ref) ref.current = el;
      }}
      className={styles.card}
      data-finding={f.code}
      data-cell={cell}
      data-card=""
      role="group"
      aria-label={t.cardName(t.severity[f.severity], cell)}
      aria-describedby={messageId}
      tabIndex={-1}
    >
      <div className={styles.head}>
        <SeverityIcon severity={f.severity} />
        <Text className={styles.message} id={messageId}>
          {message}
        </Text>
        <Button
          className={styles.help}
          size="small"
          appearance="subtle"
          icon={<QuestionCircle20Regular />}
          aria-label={t.helpFor(cell)}
          aria-expanded={helpOpen}
          aria-controls={helpOpen ? helpId : undefined}
          title={t.help}
          data-testid="rule-help-toggle"
          onClick={() => setHelpOpen((o) => !o)}
        />
      </div>
      {helpOpen && (
        <Caption1 className={styles.helpText} id={helpId} data-testid="rule-help">
          {t.ruleHelp[f.code]}
          {props.formReason ? ` ${t.helpFormReason} ${props.formReason}` : ""}
        </Caption1>
      )}
      {(f.actual !== null || expectation !== null) && (
        <Caption1 className={styles.values}>
          <span>
            {t.seen}: {formatValue(f.actual, lang, t)}
          </span>
          {expectation !== null && (
            <span data-expected={expectation.kind}>
              {expectation.label}
              {expectation.kind === "limit" ? " " : ": "}
              {expectation.value}
            </span>
          )}
        </Caption1>
      )}
      {fixText && (
        <Caption1 className={styles.fix}>
          {t.fixLabel}: {fixText}
        </Caption1>
      )}
      {props.acknowledgedReason !== undefined && <Caption1>{t.acknowledgedReason(props.acknowledgedReason)}</Caption1>}
      <div className={styles.actions}>
        <Button
          size="small"
          appearance="secondary"
          title={props.selectsInPreview ? t.goToCellPreviewHint(cell) : t.goToCellHint(cell)}
          onClick={() => props.onSelect(f)}
        >
          {t.goToCell(cell)}
        </Button>
        {f.fix && props.onFix && !replacing && (
          <Button size="small" icon={<Wrench20Regular />} aria-label={t.applyFixAt(cell)} disabled={busy} onClick={() => props.onFix?.(f, false)}>
            {t.applyFix}
          </Button>
        )}
        {props.onAcknowledge && canAcknowledge(f) && !asking && (
          <Button
            ref={acknowledgeRef}
            size="small"
            appearance="subtle"
            aria-label={t.acknowledgeAt(cell)}
            title={t.acknowledgeMeaning}
            disabled={busy}
            onClick={() => setAsking(true)}
          >
            {t.acknowledge}
          </Button>
        )}
        {props.onUnacknowledge && (
          <Button size="small" appearance="subtle" aria-label={t.unacknowledgeAt(cell)} disabled={busy} onClick={() => props.onUnacknowledge?.(f)}>
            {t.unacknowledge}
          </Button>
        )}
      </div>
      {replacing && f.fix && props.onFix && (
        <div
          ref={replaceRef}
          className={styles.replace}
          role="group"
          aria-labelledby={replaceId}
          tabIndex={-1}
          data-testid="confirm-replace"
          onKeyDown={(e) => {
            // Escape keeps the cell (and stops here: it closes nothing else).
            if (e.key === "Escape") {
              e.stopPropagation();
              cancelReplace();
            }
          }}
        >
          <Caption1 id={replaceId}>
            {t.replaceAsk(fixCell)}{" "}
            <span className={styles.change} data-testid="replace-change" data-breakable="">
              {formatCellState(replacing, lang, t)} → {formatFixWrite(f.fix, lang)}
            </span>
          </Caption1>
          <div className={styles.actions}>
            <Button size="small" aria-label={t.replaceConfirmAt(fixCell)} disabled={busy} onClick={() => props.onFix?.(f, true)}>
              {t.replaceConfirm}
            </Button>
            <Button size="small" appearance="subtle" aria-label={t.replaceCancelAt(fixCell)} onClick={cancelReplace}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
      {asking && (
        <div
          className={styles.form}
          data-testid="acknowledge-form"
          onKeyDown={(e) => {
            // Escape drops the half-typed reason (and stops here: it closes nothing else).
            if (e.key === "Escape") {
              e.stopPropagation();
              closeForm();
            }
          }}
        >
          <Caption1 className={styles.meaning}>{t.acknowledgeMeaning}</Caption1>
          <Field
            label={t.reason}
            required
            hint={{ children: props.kept === "workbook" ? t.acknowledgeSavedWorkbook : t.acknowledgeSavedSession, id: keptId }}
            validationMessage={tried && !reason.trim() ? t.reasonRequired : undefined}
            validationState={tried && !reason.trim() ? "error" : "none"}
          >
            <Textarea
              value={reason}
              resize="vertical"
              autoFocus
              data-testid="acknowledge-reason"
              onChange={(_, d) => setReason(d.value)}
            />
          </Field>
          <div className={styles.actions}>
            <Button size="small" onClick={save}>
              {t.saveAcknowledge}
            </Button>
            <Button size="small" appearance="subtle" onClick={closeForm}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
});
