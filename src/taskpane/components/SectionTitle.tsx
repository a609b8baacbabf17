import * as React from "react";
import { Subtitle2, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  title: { margin: 0 },
});

/** A pane section's heading (h2), without the browser's heading margins: the sections' gaps space them. */
export function SectionTitle(props: { id: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <Subtitle2 as="h2" id={props.id} className={styles.title}>
      {props.children}
    </Subtitle2>
  );
}
