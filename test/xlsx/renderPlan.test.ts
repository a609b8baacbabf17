import { at } from "../fixtures/a1";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { cellAt, fromA1, layoutPlan, PLAN_FIRST_ROW } from "../../src/core";
import { applyPatches, loadWorkbook, readWorkbook, renderPlan, templateWorkbook, workbookBytes } from "../../src/xlsx";
import { miniTemplate } from "../fixtures/miniTemplate";
import { convertWithLibreOffice } from "./libreoffice";
import { tempDir } from "../fixtures/tempDir";

// LibreOffice starts for each conversion; on a busy machine that takes seconds.
jest.setTimeout(180000);

const plan = layoutPlan(miniTemplate, { unitName: "=SUM(1,2)", year: 2023 });
const row = (id: string) => plan.names.find((n) => n.indicator === id)!.cell.row + 1;

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await workbookBytes(wb));
}

function tmpFile(name: string): string {
  return path.join(tempDir("cchc-render-"), name);
}

describe("renderPlan", () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await reload(templateWorkbook(plan));
    ws = wb.getWorksheet("Phụ lục")!;
  });

  test("text is stored as text, even when it starts with =", () => {
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A1").value).toBe("=SUM(1,2)");
  });

  test("formulas, merges, names and number formats arrive in the file", () => {
    expect(ws.getCell(`D${row("I.1")}`).formula).toBe(`IF(N(D${row("I.1.1")})=0,"",ROUND(D${row("I.1.2")}/D${row("I.1.1")}*100,2))`);
    expect(ws.getCell("D9").isMerged).toBe(true);
    expect(ws.getCell("D9").master.address).toBe("C9");
    expect(ws.getCell(`D${row("I.1.1")}`).numFmt).toBe("#,##0");
    expect(ws.getCell(`B${PLAN_FIRST_ROW + 1}`).font.bold).toBe(true);
    expect(wb.definedNames.getNames(`'Phụ lục'!D${row("I.1.2")}`)).toEqual(["CCHC_I_1_2"]);
  });

  test("drop-downs with input messages on flags and choices", () => {
    expect(ws.getCell(`D${row("I.2")}`).dataValidation).toMatchObject({
      type: "list", formulae: ['"0,1"'], showInputMessage: true, prompt: "Không = 0, Có = 1", showErrorMessage: true,
    });
    expect(ws.getCell(`D${row("II.2")}`).dataValidation).toMatchObject({ formulae: ['"0,1,2"'] });
  });

  test("print setup and frozen header", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("9:10");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 10 });
  });

  test("a second template never replaces the first sheet", () => {
    const twice = templateWorkbook(plan);
    renderPlan(twice, plan);
    expect(twice.worksheets.map((w) => w.name)).toEqual(["Phụ lục", "Phụ lục (2)"]);
  });
});

describe("in LibreOffice, recalculated on load", () => {
  test("the template's formulas compute the rate and the total, and stay blank without inputs", async () => {
    const wb = templateWorkbook(plan);
    const ws = wb.worksheets[0];
    ws.getCell(`D${row("I.1.1")}`).value = 47;
    ws.getCell(`D${row("I.1.2")}`).value = 41;
    ws.getCell(`D${row("II.1.2")}`).value = 30;
    ws.getCell(`D${row("II.1.3")}`).value = 11;
    // A wrong cached result: only a real recalculation can turn it into 87.23.
    const rate = ws.getCell(`D${row("I.1")}`);
    rate.value = { formula: (rate.value as ExcelJS.CellFormulaValue).formula, result: 999 } as ExcelJS.CellFormulaValue;
    const file = tmpFile("template.xlsx");
    fs.writeFileSync(file, await workbookBytes(wb));

    const out = (await loadWorkbook(fs.readFileSync(convertWithLibreOffice(file, "xlsx")))).worksheets[0];
    expect(out.getCell(`D${row("I.1")}`).result).toBe(87.23);
    expect(out.getCell(`D${row("II.1.1")}`).result).toBe(41);
    expect(out.getCell("A1").value).toBe("=SUM(1,2)");

    const blank = templateWorkbook(plan);
    const blankFile = tmpFile("blank.xlsx");
    fs.writeFileSync(blankFile, await workbookBytes(blank));
    const blankGrid = (await readWorkbook(fs.readFileSync(convertWithLibreOffice(blankFile, "xlsx"))))[0].grid;
    for (const id of ["I.1", "II.1.1"]) {
      const c = cellAt(blankGrid, fromA1(`D${row(id)}`)!);
      expect([c.value, c.formula?.startsWith("=IF(")]).toEqual([null, true]);
    }
  });

  test("patched formulas compute in LibreOffice as the calculator said", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục");
    ws.getCell("D11").value = 47;
    ws.getCell("D12").value = 41;
    applyPatches(ws, [{ cell: at("D10"), indicator: "I.1", formula: "=ROUND(D12/D11*100,2)", value: 1, cellValue: 1, relation: "r", numberFormat: "0.00" }]);
    const file = tmpFile("patched.xlsx");
    fs.writeFileSync(file, await workbookBytes(wb));
    const before = (await loadWorkbook(fs.readFileSync(file))).worksheets[0].getCell("D10");
    expect([before.formula, before.result, before.numFmt]).toEqual(["ROUND(D12/D11*100,2)", 1, "0.00"]);
    const out = (await loadWorkbook(fs.readFileSync(convertWithLibreOffice(file, "xlsx")))).worksheets[0];
    expect(out.getCell("D10").result).toBe(87.23);
  });
});
