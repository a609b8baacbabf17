import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  CounterBadge,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { cellKey, countBySeverity, type Finding, groupBySection, type Template } from "../../core";
import { useLang } from "../i18n";
import type { SplitFindings } from "../../app/acknowledgements";
import { FindingCard, type FindingCardProps } from "./FindingCard";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  headerText: { flexGrow: 1, minWidth: 0, textAlign: "start", overflowWrap: "anywhere" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

type Actions = Pick<FindingCardProps, "onSelect" | "onFix" | "onAcknowledge" | "onUnacknowledge" | "busy">;

/** Findings grouped by section (I..VII), each group headed by its section and counts; acknowledged warnings last. */
export function FindingList(props: { split: SplitFindings; template: Template } & Actions) {
  const styles = useStyles();
  const { t } = useLang();
  const groups = groupBySection(props.split.active, props.template);
  const open = [...groups.map((g) => g.section?.id ?? "general")];
  const card = (f: Finding, extra: Partial<FindingCardProps> = {}) => (
    <li key={`${f.code}|${cellKey(f.cell)}|${f.relation ?? ""}`}>
      <FindingCard
        finding={f}
        template={props.template}
        onSelect={props.onSelect}
        onFix={props.onFix}
        onAcknowledge={props.onAcknowledge}
        busy={props.busy}
        {...extra}
      />
    </li>
  );
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {groups.map((g) => {
        const id = g.section?.id ?? "general";
        const counts = countBySeverity(g.findings);
        const title = g.section ? t.sectionHeading(g.section.stt || g.section.id, g.section.label) : t.wholeSheet;
        return (
          <AccordionItem key={id} value={id} data-section={id}>
            <AccordionHeader as="h3" size="small">
              <span className={styles.header}>
                <span className={styles.headerText}>{title}</span>
                {counts.error > 0 && (
                  <CounterBadge count={counts.error} color="danger" size="small" aria-label={`${counts.error} ${t.severity.error}`} />
                )}
                {counts.warning > 0 && (
                  <CounterBadge
                    count={counts.warning}
                    color="informative"
                    appearance="filled"
                    size="small"
                    aria-label={`${counts.warning} ${t.severity.warning}`}
                  />
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label={`${title}: ${t.sectionCount(g.findings.length)}`}>
                {g.findings.map((f) => card(f))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
      {props.split.acknowledged.length > 0 && (
        <AccordionItem value="acknowledged" data-section="acknowledged">
          <AccordionHeader as="h3" size="small">
            {t.acknowledgedTitle} ({props.split.acknowledged.length})
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {props.split.acknowledged.map((a) =>
                card(a.finding, { onAcknowledge: undefined, onFix: undefined, acknowledgedReason: a.reason, onUnacknowledge: props.onUnacknowledge }),
              )}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      )}
    </Accordion>
  );
}
