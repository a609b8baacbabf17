import * as React from "react";
import {
  Button,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { cellA1, cellKey, conflictPatch, type Finding, type Patch, toA1 } from "../../core";
import { formatCellValue, formatValue } from "../format";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { minWidth: "270px" },
  colCell: { width: "3.5em" },
  colIndicator: { width: "4.5em" },
  colValue: { width: "4.5em" },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  conflicts: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Every cell the fill will write (cell, indicator, value, formula); cells already holding a different value are
 * listed apart and written only when ticked.
 */
export function FillPreview(props: {
  patches: readonly Patch[];
  conflicts: readonly Finding[];
  busy?: boolean;
  onApply: (patches: Patch[]) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const [ticked, setTicked] = React.useState<ReadonlySet<string>>(new Set());
  const confirmable = props.conflicts
    .map((f) => ({ finding: f, patch: conflictPatch(f, props.patches) }))
    .filter((c): c is { finding: Finding; patch: Patch } => c.patch !== null);
  const chosen = [...props.patches, ...confirmable.filter((c) => ticked.has(cellKey(c.finding.cell))).map((c) => c.patch)];
  const toggle = (key: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section className={styles.root} aria-labelledby="fill-title" data-testid="fill-preview">
      <SectionTitle id="fill-title">
        {t.fillTitle}
      </SectionTitle>
      {props.patches.length === 0 && confirmable.length === 0 ? (
        <Text>{t.fillNothing}</Text>
      ) : (
        props.patches.length > 0 && <Text>{t.fillIntro(props.patches.length)}</Text>
      )}
      {props.patches.length > 0 && (
        <div className={styles.scroll}>
          <Table size="extra-small" className={styles.table} aria-label={t.fillTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.colCell}>{t.colCell}</TableHeaderCell>
                <TableHeaderCell className={styles.colIndicator}>{t.colIndicator}</TableHeaderCell>
                <TableHeaderCell className={styles.colValue}>{t.colValue}</TableHeaderCell>
                <TableHeaderCell>{t.colFormula}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.patches.map((p) => (
                <TableRow key={cellKey(p.cell)} data-patch={toA1(p.cell)}>
                  <TableCell>{toA1(p.cell)}</TableCell>
                  <TableCell>{p.indicator}</TableCell>
                  <TableCell>{formatCellValue(p, lang)}</TableCell>
                  <TableCell className={styles.formula}>{p.formula}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
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
                {t.conflictLine(cellA1(f.cell), formatValue(f.actual, lang, t), formatValue(f.expected, lang, t))} ({patch.formula})
              </Text>
              <Checkbox
                label={t.overwrite(cellA1(f.cell))}
                checked={ticked.has(cellKey(f.cell))}
                onChange={(_, d) => toggle(cellKey(f.cell), d.checked === true)}
              />
            </div>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy || chosen.length === 0} onClick={() => props.onApply(chosen)}>
          {t.applyFill(chosen.length)}
        </Button>
        <Button onClick={props.onCancel}>{t.cancel}</Button>
      </div>
    </section>
  );
}
