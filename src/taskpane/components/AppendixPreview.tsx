import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  type CellRef, type Finding, ownSheetAddress, type PreviewRow, type Severity, severityRank, toA1,
} from "../../core";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";
import { SeverityIcon } from "./SeverityIcon";
import { tableBody, tableCaption, tableCell, tableHeaderCell, tableScroll } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: tableScroll,
  table: tableBody("290px"),
  caption: tableCaption,
  th: tableHeaderCell,
  td: { ...tableCell, overflowWrap: "anywhere" },
  colStt: { width: "2.4em" },
  colUnit: { width: "4.6em" },
  colValue: { width: "3.8em" },
  colNote: { width: "5.5em" },
  number: { textAlign: "end", overflowWrap: "normal" },
  note: {
    display: "-webkit-box",
    WebkitLineClamp: 4,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  section: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  info: {},
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  stt: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXXS },
});

/** The worst severity of the findings whose primary cell is on each sheet row. */
function severityByRow(findings: readonly Finding[]): Map<number, Severity> {
  const out = new Map<number, Severity>();
  for (const f of findings) {
    const at = ownSheetAddress(f.cell);
    if (!at) continue;
    const prev = out.get(at.row);
    if (!prev || severityRank(f.severity) < severityRank(prev)) out.set(at.row, f.severity);
  }
  return out;
}

/**
 * The appendix as a read-only table (STT, label, unit, value, note) with the findings marked on their rows.
 * Cell text is rendered as React text, so markup typed in a cell is shown, never run.
 */
export function AppendixPreview(props: {
  sheet: string;
  rows: readonly PreviewRow[];
  findings: readonly Finding[];
  selectedCell?: CellRef | null;
}) {
  const styles = useStyles();
  const { t } = useLang();
  const marks = severityByRow(props.findings);
  const selectedRow = props.selectedCell ? ownSheetAddress(props.selectedCell)?.row : undefined;
  const selectedRef = React.useRef<HTMLTableRowElement>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [props.selectedCell]);
  return (
    <section className={styles.root} aria-labelledby="preview-title">
      <SectionTitle id="preview-title">
        {t.previewTitle}
      </SectionTitle>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="preview-title">
        <table className={styles.table} data-testid="appendix-preview">
          <caption className={styles.caption}>{t.previewCaption(props.sheet)}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.colStt)}>{t.colStt}</th>
              <th scope="col" className={styles.th}>{t.colLabel}</th>
              <th scope="col" className={mergeClasses(styles.th, styles.colUnit)}>{t.colUnit}</th>
              <th scope="col" className={mergeClasses(styles.th, styles.colValue)}>{t.colValue}</th>
              <th scope="col" className={mergeClasses(styles.th, styles.colNote)}>{t.colNote}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const mark = marks.get(r.row);
              const selected = selectedRow === r.row;
              return (
                <tr
                  key={r.row}
                  ref={selected ? selectedRef : undefined}
                  data-row={r.row + 1}
                  data-severity={mark}
                  aria-current={selected ? "true" : undefined}
                  className={mergeClasses(r.section && styles.section, mark && styles[mark], selected && styles.selected)}
                >
                  <td className={styles.td}>
                    <span className={styles.stt}>
                      {mark && <SeverityIcon severity={mark} />}
                      {r.stt}
                    </span>
                  </td>
                  <td className={styles.td}>{r.label}</td>
                  <td className={styles.td}>{r.unit}</td>
                  <td className={mergeClasses(styles.td, styles.number)} title={toA1(r.valueCell)}>
                    {r.value}
                  </td>
                  <td className={styles.td} title={r.note || undefined}>
                    <span className={styles.note}>{r.note}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
