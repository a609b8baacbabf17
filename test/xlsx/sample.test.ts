/** The committed sample is what scripts/make-sample.ts makes, and it holds the seed's figures as typed. */
import * as fs from "fs";
import * as path from "path";
import { cellAt, fromA1 } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";
import { SAMPLE_PATH, sampleBytes } from "../../scripts/make-sample";

test("samples/phu-luc-mau-2023.xlsx is the output of scripts/make-sample.ts", async () => {
  expect(path.relative(path.resolve(__dirname, "../.."), SAMPLE_PATH)).toBe(path.join("samples", "phu-luc-mau-2023.xlsx"));
  const committed = await readWorkbook(fs.readFileSync(SAMPLE_PATH));
  expect(committed).toEqual(await readWorkbook(await sampleBytes()));
});

test("the sample keeps the seed's typing: 41 of 47, a blank rate, “100%” and “02” as text", async () => {
  const [sheet] = await readWorkbook(fs.readFileSync(SAMPLE_PATH));
  const at = (a1: string) => cellAt(sheet.grid, fromA1(a1)!);
  expect([at("D12").value, at("D12").formula, at("D13").value, at("D14").value]).toEqual([null, undefined, 47, 41]);
  expect([at("D22").value, at("D46").value, at("D47").value]).toEqual(["100%", "02", "02"]);
});
