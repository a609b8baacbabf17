import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellA1, type CellRef, type Finding, ownSheetAddress, type PreviewRow, type Severity, severityRank, toA1 } from "../../core";
import { useLang } from "../i18n";
import { previewNumberText } from "../format";
import { ArrowHookUpLeft20Regular } from "@fluentui/react-icons";
import { SectionTitle } from "./SectionTitle";
import { SeverityIcon } from "./SeverityIcon";
import { tableBody, tableCaption, tableCell, tableHeaderCell, tableScroll } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: tableScroll,
  table: tableBody("290px"),
  caption: tableCaption,
  th: tableHeaderCell,
  // Words wrap whole; a word wider than its column (a long code) alone breaks.
  td: { ...tableCell, overflowWrap: "break-word" },
  colStt: { width: "2.6em" },
  colUnit: { width: "4.8em" },
  colValue: { width: "4em" },
  number: { textAlign: "end", overflowWrap: "normal" },
  // The note sits under its indicator's label, in full: a narrow column of its own made it unreadable at 320 px.
  note: { display: "block", marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  // On a line of its own under the label, so the row grows instead of the button covering the label.
  back: { display: "block", marginTop: tokens.spacingVerticalXXS },
  section: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  info: {},
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  stt: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXXS },
});

/** "VII.10.4" may wrap after its dots, never inside a number. */
function sttWithBreaks(stt: string): React.ReactNode {
  const parts = stt.split(".");
  return parts.map((p, i) => (
    <React.Fragment key={i}>
      {p}
      {i < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </React.Fragment>
  ));
}

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
  /** back from the marked row to the finding's card */
  onBack?: (cell: CellRef) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const marks = severityByRow(props.findings);
  const selectedRow = props.selectedCell ? ownSheetAddress(props.selectedCell)?.row : undefined;
  const selectedRef = React.useRef<HTMLTableRowElement>(null);
  const boxRef = React.useRef<HTMLDivElement>(null);
  // "Đến ô": the row scrolls into view inside the preview's own box; the page stays where it is, so the finding's
  // card stays in view (scrollIntoView would scroll the page as well).
  React.useEffect(() => {
    const row = selectedRef.current;
    const box = boxRef.current;
    if (!row || !box) return;
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const r = row.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top + head) box.scrollTop -= b.top + head - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom + b.height / 3, r.top - b.top - head);
  }, [props.selectedCell]);
  return (
    <section className={styles.root} aria-labelledby="preview-title">
      <SectionTitle id="preview-title">
        {t.previewTitle}
      </SectionTitle>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.previewBox(props.sheet)} ref={boxRef} data-testid="preview-box">
        <table className={styles.table} data-testid="appendix-preview">
          <caption className={styles.caption}>{t.previewCaption(props.sheet)}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.colStt)}>{t.colStt}</th>
              <th scope="col" className={styles.th}>{t.colLabel}</th>
              <th scope="col" className={mergeClasses(styles.th, styles.colUnit)}>{t.colUnit}</th>
              <th scope="col" className={mergeClasses(styles.th, styles.colValue)}>{t.colValue}</th>
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
                      <span>{sttWithBreaks(r.stt)}</span>
                    </span>
                  </td>
                  <td className={styles.td}>
                    {r.label}
                    {r.note && (
                      <span className={styles.note} data-part="note">
                        {t.notePrefix} {r.note}
                      </span>
                    )}
                    {selected && props.onBack && props.selectedCell && (
                      <span className={styles.back}>
                        <Button
                          size="small"
                          appearance="secondary"
                          icon={<ArrowHookUpLeft20Regular />}
                          data-testid="preview-back"
                          onClick={() => props.onBack?.(props.selectedCell!)}
                        >
                          {t.previewBack(cellA1(props.selectedCell))}
                        </Button>
                      </span>
                    )}
                  </td>
                  <td className={styles.td}>{r.unit}</td>
                  <td className={mergeClasses(styles.td, styles.number)} title={toA1(r.valueCell)}>
                    {previewNumberText(r.value, r.numeric, lang)}
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
