/** When a workbook says it was saved: docProps/core.xml as openpyxl, LibreOffice and ExcelJS write it, or nothing. */
import * as fs from "fs";
import * as path from "path";
import { documentModified } from "../../src/xlsx/documentModified";
import { zipOf } from "../../src/xlsx/package/zip";
import { unitWorkbook } from "./consolidateFixtures";

const batch = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../cli/batches", name)));

describe("documentModified", () => {
  it.each([
    ["openpyxl", "so-noi-vu-nam-2023.xlsx", "2023-12-18T03:00:00.000Z"],
    ["LibreOffice", "so-tai-chinh-nam-2023.xlsx", "2023-12-15T03:00:00.000Z"],
    ["openpyxl without core properties", "so-cong-thuong-a.xlsx", null],
  ])("reads %s's file", (_writer, file, expected) => {
    expect(documentModified(batch(file))).toBe(expected);
  });

  it("reads ExcelJS's file", async () => {
    expect(documentModified(await unitWorkbook({ values: {}, modified: "2024-02-03T04:05:06.000Z" }))).toBe("2024-02-03T04:05:06.000Z");
  });

  it.each([
    ["not a zip", new TextEncoder().encode("không phải bảng tính")],
    ["a date that is no date", zipOf([{ name: "docProps/core.xml", data: "<cp:coreProperties><dcterms:modified>hôm qua</dcterms:modified></cp:coreProperties>" }])],
    ["no modified element", zipOf([{ name: "docProps/core.xml", data: "<cp:coreProperties><dc:creator>A</dc:creator></cp:coreProperties>" }])],
  ])("gives null for %s", (_what, bytes) => {
    expect(documentModified(bytes)).toBeNull();
  });

  it("reads a date with an offset, without a prefix", () => {
    const bytes = zipOf([{ name: "docProps/core.xml", data: '<coreProperties><modified xsi:type="x"> 2023-12-14T09:30:00+07:00 </modified></coreProperties>' }]);
    expect(documentModified(bytes)).toBe("2023-12-14T02:30:00.000Z");
  });
});
