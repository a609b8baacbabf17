import * as React from "react";
import { MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { visuallyHidden } from "./visuallyHidden";

const useStyles = makeStyles({
  // The title on a line of its own, the body under it (Fluent runs them together on one line).
  title: { display: "block" },
  body: { display: "block" },
  // Said, not seen: without it a screen reader, and the bar's own announcement (the body's text), run title and body into one word.
  separator: visuallyHidden,
});

/**
 * A MessageBar's body with a title: the title on its own line, the body under it, and a pause between them for
 * screen readers. `bodyId` names the body, for the bar's aria-describedby.
 */
export function TitledBody(props: { title: React.ReactNode; children: React.ReactNode; bodyId?: string; bodyTestId?: string }) {
  const styles = useStyles();
  return (
    <MessageBarBody>
      <MessageBarTitle className={styles.title}>{props.title}</MessageBarTitle>
      <span className={styles.separator}>. </span>
      <span className={styles.body} id={props.bodyId} data-testid={props.bodyTestId}>
        {props.children}
      </span>
    </MessageBarBody>
  );
}
