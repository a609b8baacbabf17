import type { Template } from "./catalog/model";
import type { Finding } from "./finding";
import type { Grid } from "./grid";
import type { Location } from "./location";
import { inspectCell } from "./rules/cellRules";
import { relationRule } from "./rules/relationRules";
import { sheetView, type SheetView } from "./sheetView";
import { unitMismatch } from "./rules/unitRule";

/** Every finding the rules give on a located appendix: cell rules in template order, then relations in catalog order. */
export function validate(grid: Grid, template: Template, location: Location): Finding[] {
  return validateSheet(sheetView(grid, template, location, inspectCell));
}

/** `validate` on a sheet already read (analyze reads once for validate and compute). */
export function validateSheet(sheet: SheetView): Finding[] {
  const units = sheet.template.indicators.flatMap((i) => {
    const c = sheet.cell(i.id);
    const f = c ? unitMismatch(c) : null;
    return f ? [f] : [];
  });
  return [...sheet.cellFindings, ...units, ...sheet.template.relations.flatMap((r) => relationRule(r).run(sheet))];
}
