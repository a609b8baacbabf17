/** Writes the golden workbooks of cases.ts beside this file. Run: npx tsx test/xlsx/golden/make-golden.ts */
import * as fs from "fs";
import * as path from "path";
import { goldenCases, refusedCases } from "./cases";

async function main(): Promise<void> {
  for (const c of [...goldenCases(), ...refusedCases]) {
    const file = path.join(__dirname, `${c.name}.xlsx`);
    fs.writeFileSync(file, await c.build());
    process.stdout.write(`${path.basename(file)}: ${c.about}\n`);
  }
}

void main();
