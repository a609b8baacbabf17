import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ExcelHostError } from "../../excel/errors";
import { excelErrorMessage } from "../../excel/messages";
import type { HostErrorCode } from "../host";
import { useLang } from "../i18n";
import type { Lang, Messages } from "../messages";
import { errorCode } from "../paneModel";

/** The sentence for a host error code, in the user's language. */
export function errorText(code: HostErrorCode, t: Messages): string {
  switch (code) {
    case "read_failed":
    case "not_xlsx":
      return t.errors.readFailed;
    case "busy":
      return t.errors.excelBusy;
    case "no_workbook":
      return t.errors.noWorkbook;
    case "sample_missing":
      return t.errors.sampleMissing;
    default:
      return t.errors.generic;
  }
}

/** The sentence for anything a host threw: the Excel adapter's own reason where it has one, never the raw text or stack. */
export function describeError(e: unknown, lang: Lang, t: Messages): string {
  if (e instanceof ExcelHostError) return excelErrorMessage(e.reason, lang);
  return errorText(errorCode(e), t);
}

/** An error MessageBar with a dismiss button; `text` overrides the error's sentence. */
export function ErrorBar(props: { error: unknown; text?: string; onDismiss: () => void }) {
  const { t, lang } = useLang();
  return (
    <MessageBar intent="error" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {props.text ?? describeError(props.error, lang, t)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
