import type { Template } from "./catalog/model";
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import type { Location } from "./location";
import { inspectCell } from "./rules/cellRules";
import { relationRule } from "./rules/relationRules";
import { sheetView } from "./rules/sheet";

/** Every finding the rules give on a located appendix: cell rules in template order, then relations in catalog order. */
export function validate(grid: Grid, template: Template, location: Location): Finding[] {
  const sheet = sheetView(grid, template, location, inspectCell);
  return [...sheet.cellFindings, ...template.relations.flatMap((r) => relationRule(r).run(sheet))];
}
