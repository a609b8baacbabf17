/** The template's rows in printed order (section headings and indicators), indexed by label for matching. */
import type { Template } from "../catalog/model";
import { foldLabel, prepare, type Prepared } from "../similarity";
import { labelKey } from "../text";

/** One template row in printed order: a section heading or an indicator. */
export interface Item {
  readonly kind: "section" | "indicator";
  readonly id: string;
  readonly prepared: Prepared;
  /** The label without its parenthesised parts ("(nếu có)"), when it has any. */
  readonly bare: Prepared | null;
}

export interface Catalog {
  readonly items: readonly Item[];
  /** labelKey of each label and alias -> item indices (several for a repeated label). */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Folded label (no diacritics) -> item indices. */
  readonly byFolded: ReadonlyMap<string, readonly number[]>;
  /** Section numeral ("IV") -> item index of the section heading. */
  readonly sectionByNumeral: ReadonlyMap<string, number>;
}

const catalogCache = new WeakMap<Template, Catalog>();

/** The text without its parenthesised parts. */
export function stripParens(s: string): string {
  return s.replace(/\([^)]*\)/g, " ");
}

function push(map: Map<string, number[]>, key: string, idx: number): void {
  if (key === "") return;
  const list = map.get(key) ?? [];
  if (!list.includes(idx)) list.push(idx);
  map.set(key, list);
}

/** The template as items in printed order (section headings before their rows) with lookup indices, built once. */
export function catalogOf(template: Template): Catalog {
  const cached = catalogCache.get(template);
  if (cached) return cached;
  const items: Item[] = [];
  const byKey = new Map<string, number[]>();
  const byFolded = new Map<string, number[]>();
  const sectionByNumeral = new Map<string, number>();
  const add = (kind: Item["kind"], id: string, labels: readonly string[]) => {
    const idx = items.length;
    const bare = labels[0].includes("(") ? prepare(stripParens(labels[0])) : null;
    items.push({ kind, id, prepared: prepare(labels[0]), bare });
    for (const l of labels) {
      push(byKey, labelKey(l), idx);
      push(byFolded, foldLabel(l), idx);
    }
    return idx;
  };
  const done = new Set<string>();
  const addSection = (id: string) => {
    const s = template.sections.find((x) => x.id === id);
    if (!s || done.has(id)) return;
    done.add(id);
    sectionByNumeral.set(s.stt.toUpperCase(), add("section", s.id, [s.label]));
  };
  for (const ind of template.indicators) {
    addSection(ind.section);
    add("indicator", ind.id, [ind.label, ...(ind.aliases ?? [])]);
  }
  for (const s of template.sections) addSection(s.id);
  const built = { items, byKey, byFolded, sectionByNumeral };
  catalogCache.set(template, built);
  return built;
}
