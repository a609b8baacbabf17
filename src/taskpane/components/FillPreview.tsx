import * as React from "react";
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellA1, cellKey, conflictPatch, type Finding, formulaText, type Patch, shortLabel, type Template, writtenCell } from "../../core";
import { formatCellValue, formatValue } from "../format";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ":focus": { outlineStyle: "none" } },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "break-word",
  },
  what: { color: tokens.colorNeutralForeground2 },
  // A formula is one long "word": it alone may break anywhere.
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  // The warning colours of the theme, light or dark, with text that keeps its contrast on them.
  conflicts: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "break-word",
  },
  conflictLabel: { color: tokens.colorNeutralForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Every cell the fill will write (cell, indicator by its name, value, formula as the user's Excel shows it); cells
 * already holding a different value are listed apart and written only when ticked. Escape closes it.
 */
export function FillPreview(props: {
  patches: readonly Patch[];
  conflicts: readonly Finding[];
  template?: Template;
  busy?: boolean;
  /** opened to download the filled copy: a line saying so, and the button naming the download */
  forDownload?: boolean;
  onApply: (patches: Patch[]) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const rootRef = React.useRef<HTMLElement>(null);
  const [ticked, setTicked] = React.useState<ReadonlySet<string>>(new Set());
  const confirmable = props.conflicts
    .map((f) => ({ finding: f, patch: conflictPatch(f, props.patches) }))
    .filter((c): c is { finding: Finding; patch: Patch } => c.patch !== null);
  const chosen = [...props.patches, ...confirmable.filter((c) => ticked.has(cellKey(c.finding.cell))).map((c) => c.patch)];
  const nothing = props.patches.length === 0 && confirmable.length === 0;
  const toggle = (key: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const name = (id: string) => {
    const label = props.template?.indicators.find((i) => i.id === id)?.label;
    return label ? `${id}. ${shortLabel(label)}` : id;
  };
  // Opened: the preview takes the focus, so the keyboard is where the eyes are and Escape closes it.
  React.useEffect(() => rootRef.current?.focus(), []);

  return (
    <section
      ref={rootRef}
      className={styles.root}
      aria-labelledby="fill-title"
      data-testid="fill-preview"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <SectionTitle id="fill-title">
        {t.fillTitle}
      </SectionTitle>
      {props.forDownload && !nothing && <Text size={200}>{t.fillBeforeDownload}</Text>}
      {nothing ? (
        <Text>{t.fillNothing}</Text>
      ) : (
        props.patches.length > 0 && <Text>{t.fillIntro(props.patches.length)}</Text>
      )}
      {props.patches.length > 0 && (
        <ul className={styles.list} aria-label={t.fillTitle}>
          {props.patches.map((p) => (
            <li key={cellKey(writtenCell(p))} className={styles.item} data-patch={cellA1(writtenCell(p))}>
              <Text weight="semibold">
                {t.colCell} {cellA1(writtenCell(p))}: {formatCellValue(p, lang)}
              </Text>
              <Text size={200} className={styles.what}>
                {name(p.indicator)}
              </Text>
              {p.formula && (
                <Text size={200}>
                  {t.colFormula}: <span className={styles.formula} data-breakable="">{formulaText(p.formula, lang)}</span>
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirmable.length > 0 && (
        <div className={styles.conflicts} role="group" aria-labelledby="conflicts-title">
          <Text weight="semibold" id="conflicts-title">
            {t.conflictsTitle(confirmable.length)}
          </Text>
          <Text size={200}>{t.conflictsIntro}</Text>
          {confirmable.map(({ finding: f, patch }) => (
            <div key={cellKey(f.cell)} data-conflict={cellA1(f.cell)}>
              <Text size={200}>
                {t.conflictLine(cellA1(f.cell), formatValue(f.actual, lang, t), formatValue(f.expected, lang, t))} —{" "}
                {name(f.indicator)} ({patch.formula ? formulaText(patch.formula, lang) : formatCellValue(patch, lang)})
              </Text>
              <Checkbox
                label={{ children: t.overwrite(cellA1(f.cell)), className: styles.conflictLabel }}
                checked={ticked.has(cellKey(f.cell))}
                onChange={(_, d) => toggle(cellKey(f.cell), d.checked === true)}
              />
            </div>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        {!nothing && (
          <Button appearance="primary" disabled={props.busy || chosen.length === 0} onClick={() => props.onApply(chosen)}>
            {chosen.length === 0 ? t.applyFillNone : props.forDownload ? t.applyFillDownload(chosen.length) : t.applyFill(chosen.length)}
          </Button>
        )}
        <Button appearance={nothing ? "primary" : "secondary"} onClick={props.onCancel}>
          {nothing ? t.fillClose : t.cancel}
        </Button>
      </div>
    </section>
  );
}
