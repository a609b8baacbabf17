import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  type AppendixFailure, appendixFailureText, columnLetters, type HiddenChoice, type Location, type OtherAppendix, periodSpanLabel, type ReportPeriod,
  reportPeriods,
  type SplitAppendix, type Template,
} from "../../core";
import type { AppendixChoice } from "../../app/host";
import type { WorkbookSettings } from "../../app/settings";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";
import { TitledBody } from "./TitledBody";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/**
 * Which sheet holds the appendix and how well it matched; a note when the workbook holds more than one appendix (each
 * other sheet, hidden ones named as hidden, with a button to check it instead), one split over two sheets (checked as
 * one), or the appendix only on a hidden sheet. With several value columns, a picker of the column checked (the
 * check's choice selected; an ambiguous one said). `onChoose` passes the user's choice on (host.useChoice).
 */
export function Recognised(props: {
  sheet: string;
  location: Location;
  template: Template | undefined;
  /** indicators found and missing over the appendix's sheets (both parts of a split one); default: this sheet's */
  matched?: number;
  missing?: readonly string[];
  others?: readonly OtherAppendix[];
  split?: SplitAppendix | null;
  /** the second sheet of a split appendix and where the rest of it is there (its own value columns) */
  rest?: { readonly sheet: string; readonly location: Location } | null;
  hidden?: HiddenChoice;
  choice?: AppendixChoice;
  busy?: boolean;
  onChoose?: (choice: AppendixChoice) => void;
}) {
  const styles = useStyles();
  const { t } = useLang();
  const { location } = props;
  const choice = props.choice ?? {};
  // The picker shows the appendix's own sheet's value columns, or the second sheet's when only those are ambiguous (the
  // user's column is then checked on both sheets: a split's parts are laid out alike).
  const restChoice = props.rest?.location.valueChoice;
  const onRest = location.valueChoice?.reason !== "ambiguous" && restChoice?.reason === "ambiguous";
  const valueChoice = onRest ? restChoice : location.valueChoice;
  const checkedColumn = onRest ? props.rest!.location.columns.value : location.columns.value;
  const letter = (col: number) => columnLetters(col);
  const labelOf = (id: string) => props.template?.indicators.find((i) => i.id === id)?.label ?? "";
  const missing = props.missing ?? location.missing;
  const details = missing.length + location.unrecognized.length > 0;
  const split = props.split ?? null;
  // The split's second sheet is said once, in the split's own sentence.
  const others = (props.others ?? []).filter((o) => !split?.sheets.includes(o.sheet));
  return (
    <section className={styles.root} aria-labelledby="start-title">
      <SectionTitle id="start-title">
        {t.startTitle}
      </SectionTitle>
      <Text data-testid="recognised">{t.recognised(props.sheet, props.matched ?? location.matches.length, (props.matched ?? location.matches.length) + missing.length)}</Text>
      {split && (
        <MessageBar intent="info" data-testid="appendix-split">
          <TitledBody title={t.shapeTitle}>
            {t.splitAppendix(split.sheets[0], split.sheets[1])}
          </TitledBody>
        </MessageBar>
      )}
      {props.hidden && (
        <MessageBar intent={props.hidden === "fallback" ? "warning" : "info"} data-testid="appendix-hidden">
          <TitledBody title={t.shapeTitle}>
            {props.hidden === "fallback" ? t.checkedHiddenFallback(props.sheet) : t.checkedHiddenChosen(props.sheet)}
          </TitledBody>
          {props.onChoose && (
            <MessageBarActions>
              {props.hidden === "fallback" ? (
                <Button size="small" disabled={props.busy} onClick={() => props.onChoose!({ ...choice, sheet: props.sheet })}>
                  {t.useThisSheet}
                </Button>
              ) : (
                <Button size="small" disabled={props.busy} onClick={() => props.onChoose!({ valueColumn: choice.valueColumn })}>
                  {t.useAutomaticSheet}
                </Button>
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {others.map((o) => (
        <MessageBar key={o.sheet} intent="warning" data-testid="appendix-other" data-sheet={o.sheet} data-hidden={o.hidden ? "true" : undefined}>
          <TitledBody title={t.shapeTitle}>
            {o.hidden ? t.hiddenAppendix(o.sheet, o.matched) : t.otherAppendix(o.sheet, o.matched, props.sheet)}
          </TitledBody>
          {props.onChoose && (
            <MessageBarActions>
              {/* Another sheet's columns are not this one's: the column choice goes with the sheet. */}
              <Button size="small" disabled={props.busy} onClick={() => props.onChoose!({ sheet: o.sheet })}>
                {t.useThisSheet}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
      {valueChoice && (
        <Field
          label={onRest ? t.valueColumnLabelOn(props.rest!.sheet) : t.valueColumnLabel}
          validationState={valueChoice.reason === "ambiguous" ? "warning" : "none"}
          validationMessage={valueChoice.reason === "ambiguous" ? t.valueColumnAmbiguous : undefined}
        >
          <Select
            data-testid="value-column"
            value={valueChoice.reason === "ambiguous" ? "" : String(checkedColumn)}
            disabled={props.busy || !props.onChoose}
            onChange={(_, d) => props.onChoose?.({ ...choice, valueColumn: Number(d.value) })}
          >
            {valueChoice.reason === "ambiguous" && (
              <option value="" disabled>
                {t.valueColumnPick}
              </option>
            )}
            {valueChoice.columns.map((c) => (
              <option key={c.col} value={String(c.col)}>
                {t.valueColumnOption(letter(c.col), c.heading)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {details && (
        <Accordion collapsible>
          {missing.length > 0 && (
            <AccordionItem value="missing">
              <AccordionHeader size="small">{t.missingRows(missing.length)}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {missing.map((id) => (
                    <li key={id}>
                      {id} {labelOf(id)}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          )}
          {location.unrecognized.length > 0 && (
            <AccordionItem value="unrecognised">
              <AccordionHeader size="small">{t.unrecognisedRows(location.unrecognized.length)}</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {location.unrecognized.map((u) => (
                    <li key={u.row}>{t.rowLabel(u.row + 1, u.label)}</li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          )}
        </Accordion>
      )}
    </section>
  );
}

/** No appendix found: say why (the sentence the command line says), and offer to insert the official one. */
export function NotFound(props: {
  sheets: readonly string[];
  failure: AppendixFailure;
  settings: WorkbookSettings;
  busy?: boolean;
  onInsert: (options: { unitName?: string; year?: number; period?: ReportPeriod }) => void;
}) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const [unitName, setUnitName] = React.useState(props.settings.unitName ?? "");
  const [year, setYear] = React.useState(String(props.settings.year ?? new Date().getFullYear()));
  const [period, setPeriod] = React.useState<ReportPeriod>(props.settings.period ?? "nam");
  const yearNumber = Number(year);
  const yearOk = /^\d{4}$/.test(year.trim()) && yearNumber >= 2000 && yearNumber <= 2100;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!yearOk) return;
    props.onInsert({ unitName: unitName.trim() || undefined, year: yearNumber, period });
  };
  return (
    <section className={styles.root} aria-labelledby="start-title">
      <SectionTitle id="start-title">
        {t.startTitle}
      </SectionTitle>
      <Text data-testid="not-found">{appendixFailureText(props.failure, lang)}</Text>
      {props.sheets.length > 0 && <Text size={200}>{t.sheetsSeen(props.sheets.join(", "))}</Text>}
      <form className={styles.form} onSubmit={submit} aria-labelledby="insert-title">
        <Text weight="semibold" id="insert-title">
          {t.insertTitle}
        </Text>
        <Text size={200}>{t.insertIntro}</Text>
        <Field label={t.unitName}>
          <Input value={unitName} placeholder={t.unitNamePlaceholder} onChange={(_, d) => setUnitName(d.value)} />
        </Field>
        <Field label={t.year} validationState={yearOk ? "none" : "error"} validationMessage={yearOk ? undefined : t.yearInvalid}>
          <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label={t.period}>
          <Select value={period} onChange={(_, d) => setPeriod(d.value as ReportPeriod)}>
            {reportPeriods.map((p) => (
              <option key={p} value={p}>
                {periodSpanLabel(p, lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={props.busy || !yearOk}>
          {t.insert}
        </Button>
      </form>
    </section>
  );
}
