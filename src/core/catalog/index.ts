/** Every template the engine knows, and lookups into one. */
import type { Indicator, Template } from "./model";
import { soNganh } from "./soNganh";

export type * from "./model";
export { soNganh } from "./soNganh";

/** All templates, the default (the sở/ngành appendix) first. */
export const templates: readonly Template[] = [soNganh];

const byId = new WeakMap<Template, ReadonlyMap<string, Indicator>>();

/** The indicator with this id in the template, or undefined. */
export function indicatorById(template: Template, id: string): Indicator | undefined {
  let map = byId.get(template);
  if (!map) {
    map = new Map(template.indicators.map((i) => [i.id, i]));
    byId.set(template, map);
  }
  return map.get(id);
}
