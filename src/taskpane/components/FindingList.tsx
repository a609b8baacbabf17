import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDown20Regular, ChevronUp20Regular } from "@fluentui/react-icons";
import { type CellState, cellKey, countBySeverity, type Finding, type FindingGroup, groupBySection, type Template } from "../../core";
import { useLang } from "../i18n";
import type { SplitFindings } from "../../app/acknowledgements";
import { FindingCard, type FindingCardProps } from "./FindingCard";
import { LandingMessage, type Landing } from "./Landing";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  // Words wrap whole: a heading never breaks inside a word ("Cản/h báo").
  headerText: { flexGrow: 1, minWidth: 0, textAlign: "start", overflowWrap: "break-word" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // The review bar stays in view while the list scrolls under it, like Excel's Error Checking dialog.
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  steps: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  position: { minWidth: "3.5em", textAlign: "center", whiteSpace: "nowrap" },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Actions = Pick<
  FindingCardProps,
  "onSelect" | "onFix" | "onCancelReplace" | "onAcknowledge" | "onUnacknowledge" | "busy" | "kept" | "selectsInPreview"
>;

/** A finding's identity in the list (its card's key, and what the pane lands on after an action). */
export function findingKey(f: Finding): string {
  return `${f.code}|${cellKey(f.cell)}|${f.relation ?? ""}`;
}

const groupId = (g: FindingGroup) => g.section?.id ?? "general";

/** The findings still to deal with, grouped by section; errors only when asked. */
export function reviewGroups(split: SplitFindings, template: Template, errorsOnly: boolean): FindingGroup[] {
  const active = errorsOnly ? split.active.filter((f) => f.severity === "error") : split.active;
  return groupBySection(active, template);
}

/** The findings in the order the list shows them: what Next and Previous go through. */
export function reviewOrder(split: SplitFindings, template: Template, errorsOnly: boolean): Finding[] {
  return reviewGroups(split, template, errorsOnly).flatMap((g) => g.findings);
}

/**
 * Findings grouped by section (I..VII), each group headed by its section and counts, acknowledged warnings last. Only
 * the first section with findings starts open. A bar above goes through the findings one by one (Previous / Next,
 * opening the section and selecting the cell, as Excel's Error Checking does) and filters to errors only. After an
 * action the pane lands on a finding (`landing`): its section opens, its card takes the focus, and the confirmation
 * is shown right above it.
 */
export function FindingList(
  props: {
    split: SplitFindings;
    template: Template;
    errorsOnly: boolean;
    onErrorsOnly: (on: boolean) => void;
    landing: Landing | null;
    /** the relation's reason in the form in use, by relation id */
    formReason?: (relation: string) => string | undefined;
    /** the finding (by key) whose fix waits for the user's word, and what its cell holds */
    replacing?: { readonly key: string; readonly before: CellState } | null;
  } & Actions,
) {
  const styles = useStyles();
  const { t } = useLang();
  const { split, template, errorsOnly, landing } = props;
  const groups = reviewGroups(split, template, errorsOnly);
  const order = groups.flatMap((g) => g.findings);
  const errors = countBySeverity(split.active).error;
  const firstOpen = groups.length > 0 ? groupId(groups[0]) : "acknowledged";
  const [open, setOpen] = React.useState<readonly string[]>(() => [firstOpen]);
  const [current, setCurrent] = React.useState<string | null>(null);
  const cards = React.useRef(new Map<string, HTMLDivElement>());
  // The card to focus once its section is open (set by navigation and landings; done after the render that opens it).
  const pendingFocus = React.useRef<string | null>(null);

  const sectionOf = (key: string): string => {
    if (split.acknowledged.some((a) => findingKey(a.finding) === key)) return "acknowledged";
    const g = groups.find((x) => x.findings.some((f) => findingKey(f) === key));
    return g ? groupId(g) : firstOpen;
  };
  const reveal = (key: string) => {
    const section = sectionOf(key);
    setOpen((o) => (o.includes(section) ? o : [...o, section]));
    pendingFocus.current = key;
    setCurrent(key);
  };

  React.useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = cards.current.get(key);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  // A landing on a card (after a fix, an acknowledgement…): open its section and move the focus there.
  const landedKey = landing?.key ?? null;
  const landingId = landing?.id;
  React.useEffect(() => {
    if (landedKey) reveal(landedKey);
    // Once per landing, when it is first shown (`reveal` reads the current groups, which the landing's render already
    // holds): a later check that takes the card away or brings it back does not move the focus again.
  }, [landingId]);

  // The filter changes what is listed: its first section opens.
  const toggleErrorsOnly = (on: boolean) => {
    props.onErrorsOnly(on);
    const first = reviewGroups(split, template, on)[0];
    if (first) setOpen((o) => (o.includes(groupId(first)) ? o : [...o, groupId(first)]));
  };

  const at = current ? order.findIndex((f) => findingKey(f) === current) : -1;
  const step = (by: 1 | -1) => {
    if (order.length === 0) return;
    const next = at < 0 ? (by === 1 ? 0 : order.length - 1) : (at + by + order.length) % order.length;
    const f = order[next];
    reveal(findingKey(f));
    props.onSelect(f);
  };

  const card = (f: Finding, extra: Partial<FindingCardProps> = {}) => {
    const key = findingKey(f);
    return (
      <li key={key} data-key={key}>
        {landing && landing.key === key && <LandingMessage landing={landing} />}
        <FindingCard
          ref={(el) => {
            if (el) cards.current.set(key, el);
            else cards.current.delete(key);
          }}
          finding={f}
          template={template}
          onSelect={(x) => {
            setCurrent(key);
            props.onSelect(x);
          }}
          onFix={props.onFix}
          replacing={props.replacing?.key === key ? props.replacing.before : undefined}
          onCancelReplace={props.onCancelReplace}
          onAcknowledge={props.onAcknowledge}
          busy={props.busy}
          kept={props.kept}
          selectsInPreview={props.selectsInPreview}
          formReason={f.relation ? props.formReason?.(f.relation) : undefined}
          {...extra}
        />
      </li>
    );
  };

  return (
    <div className={styles.root} onFocus={(e) => {
      // The card holding the focus is where Next and Previous go on from.
      const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-key]");
      const key = li?.dataset.key;
      if (key && key !== current && order.some((f) => findingKey(f) === key)) setCurrent(key);
    }}>
      <div className={styles.bar} role="toolbar" aria-label={t.reviewNav} data-testid="review-bar">
        <div className={styles.steps}>
          <Button
            size="small"
            icon={<ChevronUp20Regular />}
            title={t.previousHint}
            disabled={order.length === 0}
            data-testid="review-previous"
            onClick={() => step(-1)}
          >
            {t.previous}
          </Button>
          <Text size={200} className={styles.position} data-testid="review-position" aria-live="polite">
            {t.position(at + 1, order.length)}
          </Text>
          <Button
            size="small"
            icon={<ChevronDown20Regular />}
            iconPosition="after"
            title={t.nextHint}
            disabled={order.length === 0}
            data-testid="review-next"
            onClick={() => step(1)}
          >
            {t.next}
          </Button>
        </div>
        <Switch
          label={t.errorsOnly(errors)}
          checked={errorsOnly}
          data-testid="errors-only"
          onChange={(_, d) => toggleErrorsOnly(d.checked)}
        />
      </div>
      {errorsOnly && order.length === 0 && <Text data-testid="no-errors-shown">{t.noErrorsShown}</Text>}
      <Accordion multiple collapsible openItems={[...open]} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        {groups.map((g) => {
          const id = groupId(g);
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
        {!errorsOnly && split.acknowledged.length > 0 && (
          <AccordionItem value="acknowledged" data-section="acknowledged">
            <AccordionHeader as="h3" size="small">
              {t.acknowledgedTitle} ({split.acknowledged.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {split.acknowledged.map((a) =>
                  card(a.finding, { onAcknowledge: undefined, onFix: undefined, acknowledgedReason: a.reason, onUnacknowledge: props.onUnacknowledge }),
                )}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </div>
  );
}
