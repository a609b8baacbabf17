/**
 * The test host itself: Microsoft's Excel client talks to the in-memory workbook, and the workbook is strict
 * where Excel is. Each test drives the client directly (Excel.run, load, sync) and expects Excel's answer.
 */
import * as fs from "fs";
import * as path from "path";
import { clientVersion, excelClient, OTHER_CLIENT_FILES } from "./client";
import { RealExcel, settle, supportedUpTo } from "./realExcel";
import { MAX_ADDRESS_CHARS, MAX_LIST_SOURCE_CHARS, ModelWorkbook } from "./workbook";
import { hostOn, seedWorkbook } from "../workbooks";
import { ExcelHost } from "../../../src/excel/excelHost";

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

test("nothing reaches the network: every way out of the client's window is refused and recorded, and the adapter's actions make none", async () => {
  const client = excelClient();
  client.networkAttempts.length = 0;
  expect(() => client.window.fetch("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")).toThrow(/no network at test time/);
  expect(() => new client.window.XMLHttpRequest()).toThrow(/no network at test time/);
  const script = client.window.document.createElement("script");
  expect(() => (script.src = "https://appsforoffice.microsoft.com/lib/1/hosted/excel-win32-16.01.js")).toThrow(/no network at test time/);
  expect(client.networkAttempts).toHaveLength(3);
  client.networkAttempts.length = 0;
  const { host } = hostOn(seedWorkbook());
  const state = await host.check({ loadSettings: true, highlight: true, select: true });
  if (!state.found) throw new Error("the seed appendix was not found");
  await host.applyPatches(state.sheet, state.patches, { recheck: true, highlight: true });
  await host.insertTemplate({});
  const stop = await host.onUserChange(() => undefined);
  stop();
  expect(client.networkAttempts).toEqual([]);
});

/** The adapter's main actions on the seed workbook through one client build: every request body and size. */
async function exchange(clientFile?: string): Promise<{ bodies: string[]; sizes: number[][] }> {
  const excel = new RealExcel(seedWorkbook(), supportedUpTo("1.20"), clientFile);
  excel.keepBodies = true;
  const host = new ExcelHost({ run: excel.run, runIn: excel.runIn, supports: excel.supports, debounceMs: 20 });
  const state = await host.check({ highlight: true, select: true, loadSettings: true });
  if (!state.found) throw new Error("the seed appendix was not found");
  await host.applyPatches(state.sheet, state.patches, { recheck: true, highlight: true });
  await host.clearHighlights(state.sheet);
  await host.insertTemplate({});
  return { bodies: excel.bodies.map((b) => JSON.stringify(b)), sizes: excel.syncs.map((s) => [s.requestBytes, s.responseBytes]) };
}

test.each(OTHER_CLIENT_FILES)("the %s build (Excel on the web, Excel for Mac) sends the Windows client's requests byte for byte", async (file) => {
  const windows = await exchange();
  const other = await exchange(file);
  expect(windows.bodies).toHaveLength(8);
  expect(other.sizes).toEqual(windows.sizes);
  expect(other.bodies).toEqual(windows.bodies);
});

test("every RichApi action kind is answered: Instantiate, Query (PascalCase, _Items), Method, SetProperty, a null object", async () => {
  const { wb, excel } = book();
  wb.addSheet("Sheet2");
  excel.keepBodies = true;
  const out = await excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const count = sheets.getCount();
    const sheet = sheets.getItem("Sheet1");
    sheet.getRange("C1").values = [[5]];
    sheet.activate();
    const missing = sheets.getItemOrNullObject("Không có");
    missing.load("name");
    await context.sync();
    return { names: sheets.items.map((s) => s.name), count: count.value, missing: missing.isNullObject };
  });
  expect(out).toEqual({ names: ["Sheet1", "Sheet2"], count: 2, missing: true });
  expect(wb.cell("Sheet1", "C1").value).toBe(5);
  expect(wb.activeSheet).toBe("Sheet1");
  const [body] = excel.bodies;
  const kinds = new Set(body.Actions.map((a) => a.ActionType));
  expect([1, 2, 3, 4].every((k) => kinds.has(k))).toBe(true);
  const query = body.Actions.find((a) => a.ActionType === 2 && body.ObjectPaths[String(a.ObjectPathId)].Name === "Worksheets")!;
  const answers = new Map(excel.responses[0].Results!.map((r) => [r.ActionId, r.Value]));
  expect(answers.get(query.Id)).toEqual({ _Items: [{ Name: "Sheet1" }, { Name: "Sheet2" }] });
  const nullPath = Object.values(body.ObjectPaths).find((p) => p.Name === "GetItemOrNullObject")!;
  const instantiated = body.Actions.find((a) => a.ActionType === 1 && a.ObjectPathId === nullPath.Id)!;
  expect(answers.get(instantiated.Id)).toBeNull();
});

test("a setter or a method on a null object fails the batch (InvalidArgument); nothing before it in the batch is undone", async () => {
  const { wb, excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("D1").values = [[1]];
      context.workbook.worksheets.getItemOrNullObject("Không có").getRange("A1").values = [[2]];
      await context.sync();
    }),
  );
  expect(e.code).toBe("InvalidArgument");
  expect(wb.cell("Sheet1", "D1").value).toBe(1);
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

test("the client enforces its proxy rules: a property not loaded, a proxy used after its Excel.run, isNullObject before a sync", async () => {
  const { excel } = book();
  let kept: Excel.Range | null = null;
  await excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([["a", 1]]);
    expect(() => range.formulas).toThrow(/PropertyNotLoaded|load/i);
    const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
    expect(() => missing.isNullObject).toThrow();
    kept = range;
  });
  excel.reset();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").load("name");
      kept!.load("values");
      await context.sync();
    }),
  );
  expect(e.code).toBe("InvalidObjectPath");
  // The client refuses before anything is sent.
  expect(excel.syncs).toHaveLength(0);
});

test.each([
  ["a sheet looked up by name", "WorksheetCollection.getItem", (c: Excel.RequestContext) => (c.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]])],
  [
    "a sheet deleted earlier in the batch",
    "Worksheet.getRange",
    (c: Excel.RequestContext) => {
      const sheet = c.workbook.worksheets.getItem("Sheet1");
      sheet.delete();
      sheet.getRange("A1").values = [[1]];
    },
  ],
  ["a conditional format looked up by id", "ConditionalFormatCollection.getItem", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats.getItem("{cf-gone}").delete()],
  ["a conditional format by position", "ConditionalFormatCollection.getItemAt", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.getItemAt(0).delete()],
  [
    "a conditional format deleted earlier in the batch",
    "ConditionalFormat.delete",
    (c: Excel.RequestContext) => {
      const cf = c.workbook.worksheets.getItem("Sheet1").getRange("A1").conditionalFormats.add("Custom");
      cf.delete();
      cf.delete();
    },
  ],
  ["a setting", "SettingCollection.getItem", (c: Excel.RequestContext) => c.workbook.settings.getItem("cchc.none").load("value")],
])("ItemNotFound carries where it happened: %s (%s)", async (_label, location, act) => {
  const wb = new ModelWorkbook();
  wb.addSheet("Sheet1", [["a", 1]]);
  wb.addSheet("Sheet2");
  const excel = new RealExcel(wb);
  const e = await failure(
    excel.run(async (context) => {
      act(context);
      await context.sync();
    }),
  );
  expect(e.code).toBe("ItemNotFound");
  expect(e.debugInfo?.errorLocation).toBe(location);
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

test.each([
  ["=SUM(A1;B1)", "InvalidArgument"],
  ["=ROUND(D11/D10*100;2)", "InvalidArgument"],
  ["=IF(A1>0;1;0)", "InvalidArgument"],
  ["=SUMME(A1;B1)", "InvalidArgument"],
  ["=B1*0,5", "InvalidArgument"],
  ["=SUM(A1,B1", "InvalidArgument"],
  ['=IF(A1="x,1,0)', "InvalidArgument"],
  ["=SUMME(A1,B1)", "#NAME?"],
  ["=TỔNG(A1:B1)", "#NAME?"],
  ["=LÀMTRÒN(B1/3,2)", "#NAME?"],
  ["=WENN(B1>0,1,0)", "#NAME?"],
  ["=IF(B1>0,ĐÚNG,SAI)", "#NAME?"],
  ["=IF(B1>0,WAHR,FALSCH)", "#NAME?"],
  ["=R1C1*2", "#NAME?"],
  ["=Tong_so*2", "#NAME?"],
  ["=IF(B1>0,TRUE,false)", ""],
  ["=SUM(A:B)+SUM($A$1:$B$2)", ""],
  ["=Sheet1!B1+1.5E+3", ""],
  ["=IFERROR(1/0,#N/A)", ""],
  ["=LOG10(B1)", ""],
  ["=SUM(A1,B1)", ""],
  ["=ROUND(D11/D10*100,2)", ""],
  ['=IF(A1="a;b",1,0)', ""],
  ["=SUM({1,2;3,4})", ""],
  ["='Phụ lục (2)'!D9+1", ""],
  ["=B1*0.5", ""],
  ['=IFERROR(ROUND(SUM(D11:D12)/D10*100,2),"")', ""],
])("the en-US grammar: %s gives %j", async (formula, expected) => {
  const { wb, excel } = book();
  const write = excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("C1").formulas = [[formula]];
    await context.sync();
  });
  if (expected === "InvalidArgument") {
    const e = await failure(write);
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo?.errorLocation).toBe("Range.formulas");
    expect(wb.cell("Sheet1", "C1").formula).toBe("");
    return;
  }
  await write;
  // Excel keeps a formula whose function it does not know and shows #NAME?; the model computes nothing else.
  expect(wb.cell("Sheet1", "C1")).toMatchObject({ formula: formula, value: expected });
});

test("a formula naming a defined name Excel knows shows no #NAME?, and one written before its name is added recalculates", async () => {
  const { wb, excel } = book();
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("C1").formulas = [["=Tong_so*2"]];
    sheet.names.add("Tong_so", sheet.getRange("B1"));
    sheet.getRange("C2").formulas = [["=TONG_SO+1"]];
    await context.sync();
  });
  expect(wb.cell("Sheet1", "C1")).toMatchObject({ formula: "=Tong_so*2", value: "" });
  expect(wb.cell("Sheet1", "C2")).toMatchObject({ formula: "=TONG_SO+1", value: "" });
});

test.each([
  ["a/b", "InvalidArgument"],
  ["a\\b", "InvalidArgument"],
  ["a:b", "InvalidArgument"],
  ["a*b", "InvalidArgument"],
  ["a?b", "InvalidArgument"],
  ["[a]", "InvalidArgument"],
  ["x".repeat(32), "InvalidArgument"],
  ["'quoted'", "InvalidArgument"],
  ["'start", "InvalidArgument"],
  ["end'", "InvalidArgument"],
  ["History", "InvalidArgument"],
  ["history", "InvalidArgument"],
  ["SHEET1", "ItemAlreadyExists"],
  ["sheet1", "ItemAlreadyExists"],
  ["x".repeat(31), null],
  ["Phụ lục (2)", null],
  ["It's", null],
  ["History 2023", null],
])("a sheet named %j, added or renamed to: %s", async (name, code) => {
  for (const how of ["add", "rename"] as const) {
    const { wb, excel } = book();
    wb.addSheet("Other");
    const act = excel.run(async (context) => {
      if (how === "add") context.workbook.worksheets.add(name);
      else context.workbook.worksheets.getItem("Other").name = name;
      await context.sync();
    });
    if (code === null) {
      await act;
      expect(wb.find(name)).toBeDefined();
      continue;
    }
    const e = await failure(act);
    expect({ how, code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ how, code, location: how === "add" ? "WorksheetCollection.add" : "Worksheet.name" });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Other"]);
  }
});

test("a sheet renamed to nothing is refused (add() without a name lets Excel choose one)", async () => {
  const { wb, excel } = book();
  const e = await failure(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").name = "";
      await context.sync();
    }),
  );
  expect({ code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ code: "InvalidArgument", location: "Worksheet.name" });
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("a sheet renamed to its own name in another case is allowed (no clash with itself)", async () => {
  const { wb, excel } = book();
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").name = "SHEET1";
    await context.sync();
  });
  expect(wb.sheets.map((s) => s.name)).toEqual(["SHEET1"]);
});

test.each([
  ["AB12", "InvalidArgument"],
  ["XFD1048576", "InvalidArgument"],
  ["R1C1", "InvalidArgument"],
  ["RC", "InvalidArgument"],
  ["R", "InvalidArgument"],
  ["c", "InvalidArgument"],
  ["1abc", "InvalidArgument"],
  ["có khoảng", "InvalidArgument"],
  ["a-b", "InvalidArgument"],
  ["", "InvalidArgument"],
  ["x".repeat(256), "InvalidArgument"],
  ["Tong_so", "ItemAlreadyExists"],
  ["TONG_SO", "ItemAlreadyExists"],
  ["XFE1", null],
  ["Tên_đơn_vị", null],
  ["_x.1", null],
  ["\\dau", null],
  ["x".repeat(255), null],
])("a sheet-scoped name %j: %s", async (name, code) => {
  const { wb, excel } = book();
  wb.sheet("Sheet1").names.set("Tong_so", "A1");
  const act = excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.names.add(name, sheet.getRange("B1"));
    await context.sync();
  });
  if (code === null) {
    await act;
    expect(wb.sheet("Sheet1").names.get(name)).toBe("B1");
    return;
  }
  const e = await failure(act);
  expect({ code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ code, location: "NamedItemCollection.add" });
  expect([...wb.sheet("Sheet1").names.keys()]).toEqual(["Tong_so"]);
});

test.each([
  ["a list source of the limit", "x".repeat(MAX_LIST_SOURCE_CHARS), null],
  ["a list source one over", "x".repeat(MAX_LIST_SOURCE_CHARS + 1), "InvalidArgument"],
  ["a list source of 0/1 codes", "0,1", null],
  ["a list source from a range, however long its sheet name", `='${"x".repeat(28)}'!$A$1:$A$300`, null],
  ["a list source formula in another locale's grammar", "=INDIRECT(\"A1\";TRUE)", "InvalidArgument"],
])("%s (%#)", async (_label, source, code) => {
  expect(MAX_LIST_SOURCE_CHARS).toBe(255);
  const { wb, excel } = book();
  const act = excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("C1:C3").dataValidation.rule = { list: { inCellDropDown: true, source } };
    await context.sync();
  });
  if (code === null) {
    await act;
    expect(wb.sheet("Sheet1").validations.get("C1:C3")).toEqual({ rule: { list: { inCellDropDown: true, source } } });
    return;
  }
  const e = await failure(act);
  expect({ code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ code, location: "DataValidation.rule" });
  expect(wb.sheet("Sheet1").validations.size).toBe(0);
});

test.each([
  ["prompt", "title", 32, null],
  ["prompt", "title", 33, "InvalidArgument"],
  ["prompt", "message", 255, null],
  ["prompt", "message", 256, "InvalidArgument"],
  ["errorAlert", "title", 32, null],
  ["errorAlert", "title", 33, "InvalidArgument"],
  ["errorAlert", "message", 255, null],
  ["errorAlert", "message", 256, "InvalidArgument"],
] as const)("a data validation %s whose %s has %i characters: %s", async (box, field, length, code) => {
  const { wb, excel } = book();
  const value = { showPrompt: true, showAlert: true, style: "Stop", title: "Tiêu đề", message: "Nội dung", [field]: "x".repeat(length) };
  const act = excel.run(async (context) => {
    const validation = context.workbook.worksheets.getItem("Sheet1").getRange("C1").dataValidation;
    if (box === "prompt") validation.prompt = value as Excel.DataValidationPrompt;
    else validation.errorAlert = value as Excel.DataValidationErrorAlert;
    await context.sync();
  });
  if (code === null) {
    await act;
    expect(wb.sheet("Sheet1").validations.get("C1")).toEqual({ [box]: value });
    return;
  }
  const e = await failure(act);
  expect({ code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ code, location: `DataValidation.${box}` });
  expect(wb.sheet("Sheet1").validations.size).toBe(0);
});

test.each([
  ["exactly 8,192 characters", MAX_ADDRESS_CHARS, null],
  ["8,193 characters", MAX_ADDRESS_CHARS + 1, "InvalidArgument"],
])("a RangeAreas address of %s", async (_label, length, code) => {
  expect(MAX_ADDRESS_CHARS).toBe(8192);
  // "A1,A1,…" is 3 characters an area less the last comma; one "A10" makes it one longer.
  const areas = Array.from({ length: Math.floor((MAX_ADDRESS_CHARS + 1) / 3) }, () => "A1");
  if (length > MAX_ADDRESS_CHARS) areas[0] = "A10";
  const address = areas.join(",");
  expect(address).toHaveLength(length);
  const { wb, excel } = book();
  const act = excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRanges(address).format.fill.color = "#FF0000";
    await context.sync();
  });
  if (code === null) {
    await act;
    expect(wb.sheet("Sheet1").formats.get(address)).toEqual({ "fill.color": "#FF0000" });
    return;
  }
  const e = await failure(act);
  expect({ code: e.code, location: e.debugInfo?.errorLocation }).toEqual({ code, location: "Worksheet.getRanges" });
  expect(wb.sheet("Sheet1").formats.size).toBe(0);
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

test.each([
  ["deleting a sheet", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Other").delete()],
  ["protecting a sheet", (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Other").protection.protect()],
])("%s clears the user's undo stack even on ExcelApi 1.20", async (_label, act) => {
  const { wb } = book();
  wb.addSheet("Other");
  const excel = new RealExcel(wb, supportedUpTo("1.20"));
  await wb.userEdit("Sheet1", "C3", 7);
  await excel.run(async (context) => {
    act(context);
    await context.sync();
  });
  expect(wb.undoStack).toEqual([]);
});

test("a read leaves the user's undo stack on every host", async () => {
  const { wb } = book();
  const excel = new RealExcel(wb, supportedUpTo("1.9"));
  await wb.userEdit("Sheet1", "C3", 7);
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:C3").load("values, formulas, numberFormat");
    context.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats.load("items/id");
    await context.sync();
  });
  expect(wb.undoStack).toEqual(["Sheet1!C3"]);
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
  // The add-in's format-only writes raise nothing either: a number format, a fill, a conditional format.
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("D6").numberFormat = [["0.00"]];
    sheet.getRange("D7").format.fill.color = "#00FF00";
    sheet.getRange("D8").conditionalFormats.add("Custom").custom.rule.formula = '=ISTEXT("x")';
    await context.sync();
  });
  await new Promise((r) => setTimeout(r, 10));
  await settle();
  expect(seen).toEqual([
    { triggerSource: "Unknown", worksheetId: wb.sheet("Sheet1").id },
    { triggerSource: "ThisLocalAddin", worksheetId: wb.sheet("Sheet1").id },
  ]);
});

test("below ExcelApi 1.14 change events carry no triggerSource: the user's edit and the add-in's write look alike", async () => {
  const { wb } = book();
  const excel = new RealExcel(wb, supportedUpTo("1.13"));
  const seen: (string | undefined)[] = [];
  await excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (event) => {
      seen.push(event.triggerSource);
    });
    await context.sync();
  });
  await wb.userEdit("Sheet1", "C3", 7);
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("D4").values = [[1]];
    await context.sync();
  });
  await new Promise((r) => setTimeout(r, 10));
  await settle();
  expect(seen).toEqual([undefined, undefined]);
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
