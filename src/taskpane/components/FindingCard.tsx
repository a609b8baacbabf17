import * as React from "react";
import { Button, Caption1, Field, Textarea, Text, makeStyles, tokens } from "@fluentui/react-components";
import { QuestionCircle20Regular, Wrench20Regular } from "@fluentui/react-icons";
import { cellA1, expectationText, type Finding, fixLabel, formatFinding, formulaText, type Template, writtenCell } from "../../core";
import { formatCellValue, formatValue } from "../format";
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
});

/** Where an acknowledgement is kept: in the workbook (inside Excel) or for this session only (outside). */
export type AcknowledgementsKept = "workbook" | "session";

/** What the card can do; every operation goes to the host through the pane. */
export interface FindingCardProps {
  readonly finding: Finding;
  readonly template: Template;
  readonly onSelect: (f: Finding) => void;
  readonly onFix?: (f: Finding) => void;
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
  const messageId = React.useId();
  const helpId = React.useId();
  const keptId = React.useId();
  // A value only where something determines it; a bound as a bound ("Phải ≥ 0"); what the other cells give as such.
  const expectation = expectationText(f, lang, (v) => formatValue(v, lang, t));
  const message = formatFinding(f, lang, props.template);
  const cell = cellA1(f.cell);
  const fixText = f.fix
    ? fixLabel(f, lang, props.template) ||
      (f.fix.formula
        ? t.fixFormula(cellA1(writtenCell(f.fix)), formulaText(f.fix.formula, lang))
        : t.fixValue(cellA1(writtenCell(f.fix)), formatCellValue(f.fix, lang)))
    : null;

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
      ref={ref}
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
        {f.fix && props.onFix && (
          <Button size="small" icon={<Wrench20Regular />} aria-label={t.applyFixAt(cell)} disabled={busy} onClick={() => props.onFix?.(f)}>
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
