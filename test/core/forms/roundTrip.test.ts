import { soNganh } from "../../../src/core/catalog";
import { builtinForms, soNganhFacts } from "../../../src/core/forms/builtin";
import { compileFormJson, formDocument, formJson } from "../../../src/core/forms/json";
import { compileFormSheets, formSheets } from "../../../src/core/forms/sheets";
import { gridFromCells } from "../../../src/core/grid";

function grids(doc: ReturnType<typeof formDocument>) {
  const s = formSheets(doc);
  const grid = (rows: readonly (readonly string[])[]) => gridFromCells({ row: 0, col: 0 }, rows.map((r) => r.map((v) => ({ value: v === "" ? null : v }))));
  return [
    { name: "Thông tin", grid: grid(s.facts) },
    { name: "Chỉ tiêu", grid: grid(s.indicators) },
    { name: "Quan hệ", grid: grid(s.relations) },
  ];
}

describe("a template and its form document are the same thing in two shapes", () => {
  it("the built-in catalog -> JSON -> template is the catalog", () => {
    const r = compileFormJson(formJson(formDocument(soNganhFacts, soNganh)));
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.form.template).toStrictEqual(soNganh);
    expect(r.form.facts).toStrictEqual(soNganhFacts);
  });

  it("the built-in catalog -> sheets -> template is the catalog", () => {
    const r = compileFormSheets(grids(formDocument(soNganhFacts, soNganh)));
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(r.form.template).toStrictEqual(soNganh);
    expect(r.form.facts).toStrictEqual(soNganhFacts);
    expect(builtinForms[0].template).toBe(soNganh);
  });
});
