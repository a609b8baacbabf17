/**
 * The committed unit that is ready to send (test/fixtures/units, saved by LibreOffice: scripts/fixtures/ready-unit.ts),
 * which the consolidation's tests in real Chromium show as ready: read as the command line and the pane read a unit.
 */
import * as fs from "fs";
import * as path from "path";
import { consolidate, templates } from "../../src/core";
import { unitFromBytes } from "../../src/xlsx/unitFromBytes";
import { openPackage } from "../../src/xlsx/package/opc";

const FILE = "so-ke-hoach-va-dau-tu-nam-2023.xlsx";

it("the ready unit's file has no finding and no blank indicator of its year, and the consolidation calls it ready", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/units", FILE)));
  // Saved by another writer than the one under test.
  expect(openPackage(bytes).text("docProps/app.xml")).toMatch(/<Application>LibreOffice/);
  const unit = await unitFromBytes(FILE, bytes);
  if (!("values" in unit)) throw new Error(`${FILE} is no unit: ${JSON.stringify(unit)}`);
  expect(unit.findings).toEqual([]);
  expect(unit.unanswered).toEqual([]);
  expect([unit.unitName, unit.period?.kind, unit.period?.year]).toEqual(["Sở Kế hoạch và Đầu tư", "nam", 2023]);
  const [status] = consolidate([unit], templates).statuses;
  expect([status.ready, status.readiness]).toEqual([true, { ready: true, errors: 0, unanswered: 0, unreviewed: 0 }]);
});
