import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Severity } from "../../core";
import { useLang } from "../i18n";

const useStyles = makeStyles({
  error: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  warning: { color: tokens.colorStatusWarningForeground3, flexShrink: 0 },
  info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
});

/** The severity as an icon with its word for screen readers (colour is never the only signal). */
export function SeverityIcon(props: { severity: Severity }) {
  const styles = useStyles();
  const { t } = useLang();
  const label = t.severity[props.severity];
  const Icon = props.severity === "error" ? ErrorCircle20Filled : props.severity === "warning" ? Warning20Filled : Info20Filled;
  return <Icon className={styles[props.severity]} role="img" aria-label={label} />;
}
