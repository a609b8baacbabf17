import * as React from "react";
import { MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorBar } from "./ErrorBar";

/**
 * Where the pane puts the focus after an action (a fix, an acknowledgement, a fill, an opened file), and what it says
 * there: the card of the next finding (`key`), or the check's result (`key` null). The confirmation is shown where the
 * focus lands, never out of sight above.
 */
export interface Landing {
  /** one per action: the same target twice is still landed on twice */
  readonly id: number;
  /** the finding's key (FindingList's findingKey), or null for the result */
  readonly key: string | null;
  /** the confirmation (also announced through the pane's live region) */
  readonly notice?: string;
  /** "warning": the action did nothing, and the notice says why (an undo over a cell changed since) */
  readonly intent?: "success" | "warning";
  /** what the confirmation offers (an undo, say) */
  readonly actions?: React.ReactNode;
  /** the action failed: said here rather than at the top */
  readonly error?: unknown;
  readonly onDismissError?: () => void;
}

const useStyles = makeStyles({ root: { marginBottom: tokens.spacingVerticalXS } });

/** The confirmation (or the error) of the action the pane just landed from. */
export function LandingMessage(props: { landing: Landing }) {
  const styles = useStyles();
  const { landing } = props;
  if (landing.error !== undefined) {
    return (
      <div className={styles.root}>
        <ErrorBar error={landing.error} onDismiss={landing.onDismissError ?? (() => undefined)} />
      </div>
    );
  }
  if (!landing.notice) return null;
  return (
    <MessageBar intent={landing.intent ?? "success"} className={styles.root} data-testid="notice" data-landing={landing.key ?? "result"}>
      <MessageBarBody>{landing.notice}</MessageBarBody>
      {landing.actions && <MessageBarActions>{landing.actions}</MessageBarActions>}
    </MessageBar>
  );
}
