/**
 * The test host itself: Microsoft's Excel client talks to the in-memory workbook, and the workbook is strict
 * where Excel is. Each test drives the client directly (Excel.run, load, sync) and expects Excel's answer.
 */
import * as fs from "fs";
import * as path from "path";
import { clientVersion } from "./client";
import { RealExcel, settle, supportedUpTo } from "./realExcel";
import { ModelWorkbook } from "./workbook";

async function failure(p: Promise<unknown>): Promise<{ code: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; debugInfo?: { errorLocation?: string } };
  }
  throw new Error("expected Excel to refuse");
}

function book(): { wb: ModelWorkbook; excel: RealExcel } {
  const wb = new ModelWorkbook();
  wb.addSheet("Sheet1", [["a", 1]]);
  return { wb, excel: new RealExcel(wb) };
}

test("the client is the pinned @microsoft/office-js, installed from the lock file", () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8")) as { devDependencies: Record<string, string> };
  expect(pkg.devDependencies["@microsoft/office-js"]).toMatch(/^\d+\.\d+\.\d+$/);
  expect(clientVersion()).toBe(pkg.devDependencies["@microsoft/office-js"]);
});

test("a load is readable only after sync, as PascalCase answers mapped back by the client; null objects say so", async () => {
  const { excel } = book();
  const out = await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const range = sheet.getRange("A1:B1");
    range.load("values, address");
    const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
    missing.load("name");
    expect(() => range.values).toThrow();
    await context.sync();
    return { values: range.values, address: range.address, missing: missing.isNullObject };
  });
  expect(out).toEqual({ values: [["a", 1]], address: "Sheet1!A1:B1", missing: true });
  expect(excel.syncs).toHaveLength(1);
  expect(excel.syncs[0].kind).toBe("read");
});

test("ItemNotFound carries where it happened (debugInfo.errorLocation)", async () => {
  const { excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
      await context.sync();
    }),
  );
  expect(e.code).toBe("ItemNotFound");
  expect(e.debugInfo?.errorLocation).toBe("WorksheetCollection.getItem");
});

test.each([
  ["a formula in another locale's grammar (';')", (s: Excel.Worksheet) => (s.getRange("C1").formulas = [["=SUM(A1;B1)"]]), "Range.formulas"],
  ["a decimal comma in a formula", (s: Excel.Worksheet) => (s.getRange("C1").formulas = [["=B1*0,5"]]), "Range.formulas"],
  ["a list source over 255 characters", (s: Excel.Worksheet) => (s.getRange("C1").dataValidation.rule = { list: { inCellDropDown: true, source: "x,".repeat(130) } }), "DataValidation.rule"],
  ["an address over 8,192 characters", (s: Excel.Worksheet) => (s.getRanges(Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",")).format.fill.color = "#FF0000"), "Worksheet.getRanges"],
  ["a defined name that looks like a cell", (s: Excel.Worksheet) => s.names.add("AB12", s.getRange("A1")), "NamedItemCollection.add"],
  ["a conditional format rule with a bad formula", (s: Excel.Worksheet) => (s.getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = '=ISTEXT("x"'), "ConditionalFormatRule.formula"],
])("Excel refuses %s (InvalidArgument)", async (_label, act, location) => {
  const { excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      act(context.workbook.worksheets.getItem("Sheet1"));
      await context.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
  expect(e.debugInfo?.errorLocation).toBe(location);
});

test.each([["a/b"], ["x".repeat(32)], ["'quoted'"], ["History"]])("a sheet named %j is refused", async (name) => {
  const { excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
});

test("sheet names clash case-insensitively", async () => {
  const { excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.add("SHEET1");
      await context.sync();
    }),
  );
  expect(e.code).toBe("ItemAlreadyExists");
});

test("conditional formats Excel cannot load fail the batch that reads them, with their location", async () => {
  const { wb, excel } = book();
  wb.sheet("Sheet1").brokenConditionalFormats = { areas: "B2:B9", code: "ItemNotFound", location: "ConditionalFormatCollection.getItemAt" };
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats.load("items/id");
      await context.sync();
    }),
  );
  expect(e.code).toBe("ItemNotFound");
  expect(e.debugInfo?.errorLocation).toBe("ConditionalFormatCollection.getItemAt");
  // Elsewhere on the sheet the conditional formats load.
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("D1:D5").conditionalFormats.load("items/id");
    await context.sync();
  });
});

test("an API the host's requirement sets lack is refused by Excel (ApiNotFound at the member): the client sends it", async () => {
  const wb = new ModelWorkbook();
  wb.addSheet("Sheet1");
  const excel = new RealExcel(wb, supportedUpTo("1.8"));
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
    }),
  );
  expect(e.code).toBe("ApiNotFound");
  expect(e.debugInfo?.errorLocation).toBe("WorksheetCollection._RegisterDataChangedEvent");
  expect(excel.syncs).toHaveLength(1);
});

test.each([
  ["1.19", 0],
  ["1.20", 1],
])("an add-in write on an ExcelApi %s host leaves %i undo step of the user's", async (top, left) => {
  const { wb } = book();
  const excel = new RealExcel(wb, supportedUpTo(top));
  await wb.userEdit("Sheet1", "C3", 7);
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("D4").values = [[1]];
    await context.sync();
  });
  expect(wb.undoStack).toHaveLength(left);
});

test("change events: the user's edit comes as triggerSource Unknown, the add-in's own as ThisLocalAddin, a format-only edit not at all", async () => {
  const { wb, excel } = book();
  const seen: { triggerSource?: string; worksheetId: string }[] = [];
  await excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (event) => {
      seen.push({ triggerSource: event.triggerSource, worksheetId: event.worksheetId });
    });
    await context.sync();
  });
  await wb.userEdit("Sheet1", "C3", 7);
  await wb.userFormat("Sheet1", "C3", { "fill.color": "#FFFF00" });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("D4").values = [[1]];
    sheet.getRange("D5").format.fill.color = "#00FF00";
    await context.sync();
  });
  await new Promise((r) => setTimeout(r, 10));
  await settle();
  expect(seen).toEqual([
    { triggerSource: "Unknown", worksheetId: wb.sheet("Sheet1").id },
    { triggerSource: "ThisLocalAddin", worksheetId: wb.sheet("Sheet1").id },
  ]);
});

test("sizes are the real request and response bodies, and Excel on the web's 5 MB limit applies to both", async () => {
  const { excel } = book();
  excel.keepBodies = true;
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
    await context.sync();
  });
  expect(excel.syncs[0].requestBytes).toBe(Buffer.byteLength(JSON.stringify(excel.bodies[0]), "utf8"));
  excel.payloadLimit = 100;
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:Z50").load("values");
      await context.sync();
    }),
  );
  expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
});
