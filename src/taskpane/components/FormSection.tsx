import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { describeForm, type Form } from "../../core";
import { useLang } from "../i18n";
import { SectionTitle } from "./SectionTitle";
import { TitledBody } from "./TitledBody";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

/** What the pane says about the form after the user acted on it. */
export type FormNote = { readonly kind: "saved" | "session" } | { readonly kind: "too_large"; readonly bytes: number; readonly limit: number };

/**
 * "Mẫu phụ lục": the form in use (the built-in one, or a file the user loaded), a button to load a form file (.xlsx or
 * .json) and one back to the built-in form. A refused file is one sentence, and the form in use stays as it was.
 */
export function FormSection(props: {
  form: Form | null;
  file: string | null;
  builtin: Form;
  busy: boolean;
  note: FormNote | null;
  refused: { readonly sentence: string; readonly more: number } | null;
  /** Why the form may not fit the report checked (its period, the province or level its title names), as sentences. */
  currency: readonly string[];
  onLoad: (file: File) => void;
  onBuiltin: () => void;
}) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const input = React.useRef<HTMLInputElement>(null);
  const form = props.form ?? props.builtin;
  const kb = (bytes: number) => Math.ceil(bytes / 1024);
  const noteText = (note: FormNote) =>
    note.kind === "too_large" ? t.formTooLarge(kb(note.bytes), kb(note.limit)) : note.kind === "saved" ? t.formSaved : t.formSessionOnly;
  return (
    <section className={styles.root} aria-labelledby="form-title" data-testid="form-section">
      <SectionTitle id="form-title">{t.formTitle}</SectionTitle>
      <Text data-testid="form-in-use">
        {describeForm(form.facts, lang)} — {props.form && props.file ? t.formFile(props.file) : t.formBuiltin}
      </Text>
      {props.refused && (
        <MessageBar intent="error" data-testid="form-refused">
          <TitledBody title={t.formRefusedTitle}>
            {props.refused.sentence} {props.refused.more > 0 ? t.formRefusedMore(props.refused.more) : ""}
          </TitledBody>
        </MessageBar>
      )}
      {props.currency.length > 0 && (
        <MessageBar intent="warning" data-testid="form-currency">
          <TitledBody title={t.formCurrencyTitle}>{props.currency.join(" ")}</TitledBody>
        </MessageBar>
      )}
      {props.note && (
        <MessageBar intent={props.note.kind === "too_large" ? "warning" : "info"} data-testid="form-note">
          <MessageBarBody>
            {noteText(props.note)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button icon={<DocumentArrowUp20Regular />} disabled={props.busy} onClick={() => input.current?.click()}>
          {t.formLoad}
        </Button>
        {props.form && (
          <Button appearance="subtle" disabled={props.busy} onClick={props.onBuiltin}>
            {t.formUseBuiltin}
          </Button>
        )}
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.json"
          data-testid="form-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) props.onLoad(file);
          }}
        />
      </div>
    </section>
  );
}
