/**
 * The README shows what `cchc check` prints on the sample; this test runs the README's command and fails when the
 * output drifts from the block. In the block, a line "…" stands for any number of lines, a line ending in "…" for
 * any line that starts with the text before it; every other line must be printed exactly, in the block's order.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The fenced block that follows the README's sentence about what `check` prints on the sample. */
function sampleBlock(): { sentence: string; lines: string[] } {
  const at = readme.indexOf("`check` prints");
  expect(at).toBeGreaterThan(-1);
  const sentence = readme.slice(readme.lastIndexOf("\n", at) + 1, readme.indexOf("\n", at));
  const open = readme.indexOf("```\n", at);
  const close = readme.indexOf("\n```", open + 4);
  return { sentence, lines: readme.slice(open + 4, close).split("\n") };
}

/** Index in `output` after the README lines matched in order, or a description of the first line not found. */
function matchInOrder(block: readonly string[], output: readonly string[]): string | null {
  let i = 0;
  let gap = false;
  for (const line of block) {
    if (line === "…") {
      gap = true;
      continue;
    }
    const prefix = line.endsWith("…") ? line.slice(0, -1) : null;
    const fits = (o: string) => (prefix === null ? o === line : o.startsWith(prefix));
    if (gap) {
      while (i < output.length && !fits(output[i])) i++;
    } else {
      // Without "…" the README line must be the next non-blank line printed (blank lines may differ in count).
      while (i < output.length && output[i].trim() === "" && line.trim() !== "") i++;
    }
    if (i >= output.length || !fits(output[i])) return `README line not printed here: ${line}`;
    i++;
    gap = false;
  }
  return null;
}

describe("README: what `cchc check` prints on the sample", () => {
  const { sentence, lines } = sampleBlock();
  const run = () => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ["bin/cchc.js", "check", "samples/phu-luc-mau-2023.xlsx"], { cwd: ROOT, encoding: "utf8" }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };
  const result = run();

  it("prints the README's lines in the README's order", () => {
    expect(matchInOrder(lines, result.out.trimEnd().split("\n"))).toBeNull();
  });

  it("counts what the README's sentence says, and exits 0 with no error, not ready to send", () => {
    const m = /prints (\d+) warnings and no error, and says the sample is not/.exec(sentence);
    expect(m).not.toBeNull();
    const [counts, verdict] = result.out.trimEnd().split("\n").slice(-2);
    expect(counts).toBe(`samples/phu-luc-mau-2023.xlsx: 0 lỗi, ${m![1]} cảnh báo, 0 thông tin`);
    expect(verdict).toMatch(/^samples\/phu-luc-mau-2023\.xlsx: Chưa sẵn sàng gửi\. Còn /);
    expect(result.code).toBe(0);
  });
});
