import * as React from "react";
import { Button, MessageBar, MessageBarActions } from "@fluentui/react-components";
import { workbookErrorMessage } from "../../app/hostErrorMessages";
import { CopyRefusedError, errorCode, HostError, readFailureOf, WorkbookError, type FileLimits, type HostErrorCode } from "../../app/hostErrors";
import { type Lang, unreadableText } from "../../core";
import { useLang } from "../i18n";
import { TitledBody } from "./TitledBody";
import type { Messages } from "../messages";

/**
 * The sentence for a host error code, in the user's language. A refusal on the file's size names the limits the host
 * refused it by, when it gave them.
 */
export function errorText(code: HostErrorCode, t: Messages, lang: Lang, limits?: FileLimits): string {
  // A file refusal is said as the command line and consolidation say the reader's reason.
  const unreadable = readFailureOf(code);
  if (unreadable) return unreadableText(limits ? { reason: unreadable, limits } : { reason: unreadable }, lang);
  switch (code) {
    case "busy":
      return t.errors.excelBusy;
    case "no_workbook":
      return t.errors.noWorkbook;
    case "sample_missing":
      return t.errors.sampleMissing;
    case "copy_with_template":
      return t.errors.copyWithTemplate;
    default:
      return t.errors.generic;
  }
}

/** The sentence for anything a host threw: a workbook action's own reason where it has one, never the raw text or stack. */
export function describeError(e: unknown, lang: Lang, t: Messages): string {
  if (e instanceof WorkbookError) return workbookErrorMessage(e.reason, lang);
  if (e instanceof CopyRefusedError) return t.errors.copyRefused(e.reasons[lang]);
  return errorText(errorCode(e), t, lang, e instanceof HostError ? e.limits : undefined);
}

/**
 * Writes an error the user only sees as a sentence to the console, with its stack, unless it is a refusal raised on
 * purpose (a HostError with its own code, a workbook action's named reason): a bug behind "try again" must be findable.
 */
export function logUnexpected(where: string, e: unknown): void {
  // An Excel failure without a known cause, or a write that could not be put back, is worth a log line too.
  const expected = e instanceof WorkbookError ? e.reason !== "excel_failed" && e.reason !== "partly_written" : errorCode(e) !== "generic";
  if (!expected) console.error(`CCHC pane: ${where}`, e);
}

/** An error MessageBar with a dismiss button; `text` overrides the error's sentence. */
export function ErrorBar(props: { error: unknown; text?: string; onDismiss: () => void }) {
  const { t, lang } = useLang();
  return (
    <MessageBar intent="error" role="alert" data-testid="error">
      <TitledBody title={t.errorTitle}>{props.text ?? describeError(props.error, lang, t)}</TitledBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
