import * as React from "react";
import { Button, Caption1, Field, Textarea, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Wrench20Regular } from "@fluentui/react-icons";
import { cellA1, type Finding, fixLabel, formatFinding, type Template, toA1 } from "../../core";
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
  },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  message: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  values: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  fix: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

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
}

/** One finding: severity, message, values seen and expected, the fix, and the actions on it. */
export function FindingCard(props: FindingCardProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const { finding: f, busy } = props;
  const [asking, setAsking] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [tried, setTried] = React.useState(false);
  const reasonId = React.useId();
  const message = formatFinding(f, lang, props.template);
  const cell = cellA1(f.cell);
  const fixText = f.fix
    ? fixLabel(f, lang, props.template) ||
      (f.fix.formula
      ? t.fixFormula(toA1(f.fix.cell), f.fix.formula)
        : t.fixValue(toA1(f.fix.cell), formatCellValue(f.fix, lang)))
    : null;

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
    <div className={styles.card} data-finding={f.code} data-cell={cell}>
      <div className={styles.head}>
        <SeverityIcon severity={f.severity} />
        <Text className={styles.message}>{message}</Text>
      </div>
      {(f.actual !== null || f.expected !== null) && (
        <Caption1 className={styles.values}>
          <span>
            {t.seen}: {formatValue(f.actual, lang, t)}
          </span>
          {f.expected !== null && (
            <span>
              {t.expected}: {formatValue(f.expected, lang, t)}
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
        <Button size="small" appearance="secondary" title={t.goToCellHint(cell)} onClick={() => props.onSelect(f)}>
          {t.goToCell(cell)}
        </Button>
        {f.fix && props.onFix && (
          <Button size="small" appearance="primary" icon={<Wrench20Regular />} disabled={busy} onClick={() => props.onFix?.(f)}>
            {t.applyFix}
          </Button>
        )}
        {props.onAcknowledge && canAcknowledge(f) && !asking && (
          <Button size="small" appearance="subtle" title={t.acknowledgeHint} disabled={busy} onClick={() => setAsking(true)}>
            {t.acknowledge}
          </Button>
        )}
        {props.onUnacknowledge && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => props.onUnacknowledge?.(f)}>
            {t.unacknowledge}
          </Button>
        )}
      </div>
      {asking && (
        <div className={styles.form}>
          <Field
            label={t.reason}
            required
            validationMessage={tried && !reason.trim() ? t.reasonRequired : undefined}
            validationState={tried && !reason.trim() ? "error" : "none"}
          >
            <Textarea
              id={reasonId}
              value={reason}
              resize="vertical"
              autoFocus
              onChange={(_, d) => setReason(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") setAsking(false);
              }}
            />
          </Field>
          <div className={styles.actions}>
            <Button size="small" appearance="primary" onClick={save}>
              {t.saveAcknowledge}
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
