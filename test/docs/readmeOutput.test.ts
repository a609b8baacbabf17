/**
 * The README shows what `cchc check` prints on the sample; this test runs the README's command and fails when the
 * output drifts from the block. In the block, a line "…" stands for any number of lines, a line ending in "…" for
 * any line that starts with the text before it; every other line must be printed exactly, in the block's order.
 * Also: the cell `fill` writes as the README quotes it, every file the example commands write into the checkout being
 * ignored by git, and docs/CLI.md's `check --json` example naming only fields the command prints.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { tempDir } from "../fixtures/tempDir";

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

test("the docs that restate the sample's counts say what check prints", () => {
  let out: string;
  try {
    out = execFileSync(process.execPath, ["bin/cchc.js", "check", "samples/phu-luc-mau-2023.xlsx"], { cwd: ROOT, encoding: "utf8" });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const m = /: (\d+) lỗi, (\d+) cảnh báo, \d+ thông tin\n/.exec(out);
  expect(m).not.toBeNull();
  const [errors, warnings] = [Number(m![1]), Number(m![2])];
  expect(errors).toBe(0);
  const docText = (name: string) => fs.readFileSync(path.join(ROOT, name), "utf8").replace(/\s+/g, " ");
  const verdict = /: (Chưa sẵn sàng gửi\. Còn .*)\n?$/.exec(out.trimEnd())![1];
  const claims: [string, string][] = [
    ["docs/CLI.md", `"${verdict}"`],
    ["README.md", `a summary such as "0 lỗi, ${warnings} cảnh báo"`],
    ["docs/RULES.md", `không có lỗi và có ${warnings} cảnh báo`],
    ["docs/RULES.md", `gives no error and ${warnings} warnings`],
    ["docs/CLI.md", `\`check\` gives ${warnings} warnings and no error`],
  ];
  expect(claims.filter(([name, says]) => !docText(name).includes(says))).toEqual([]);
});

describe("README: what `cchc fill` writes, and where the examples write", () => {
  it("fill prints the cell and formula the README quotes", () => {
    const m = /`fill` writes `([^`]+)` with `([^`]+)`/.exec(readme);
    expect(m).not.toBeNull();
    const out = path.join(tempDir("cchc-readme-"), m![1]);
    const printed = execFileSync(process.execPath, ["bin/cchc.js", "fill", "samples/phu-luc-mau-2023.xlsx", "-o", out], { cwd: ROOT, encoding: "utf8" });
    // The CLI aligns its columns with two spaces; the README's prose has one.
    expect(printed.replace(/ {2,}/g, " ")).toContain(m![2]);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("every file the README's and docs/CLI.md's example commands write into the checkout is ignored by git", () => {
    const written = new Set<string>();
    for (const text of [readme, fs.readFileSync(path.join(ROOT, "docs/CLI.md"), "utf8")]) {
      for (const line of text.split("\n").filter((l) => l.startsWith("npm run --silent cchc -- "))) {
        const command = line.replace(/\s+#.*$/, "");
        for (const m of command.matchAll(/(?:-o|template|>)\s+(\S+)/g)) written.add(m[1]);
      }
    }
    expect([...written].sort()).toEqual(["TONG_HOP.xlsx", "da-dien.xlsx", "ket-qua.json", "phu-luc.xlsx"]);
    const notIgnored = [...written].filter((name) => {
      try {
        execFileSync("git", ["check-ignore", "-q", name], { cwd: ROOT, stdio: "ignore" });
        return false;
      } catch {
        return true;
      }
    });
    expect(notIgnored).toEqual([]);
  });
});

describe("docs/CLI.md: the `check --json` example", () => {
  const cliMd = fs.readFileSync(path.join(ROOT, "docs/CLI.md"), "utf8");
  const at = cliMd.indexOf("```json\n");
  const example = cliMd.slice(at + 8, cliMd.indexOf("\n```", at + 8));

  it("names only fields the command prints, and says what it prints for a file that is not an .xlsx", () => {
    const dir = tempDir("cchc-readme-json-");
    fs.copyFileSync(path.join(ROOT, "samples/phu-luc-mau-2023.xlsx"), path.join(dir, "a.xlsx"));
    fs.writeFileSync(path.join(dir, "b.xlsx"), "không phải tệp Excel\n");
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [path.join(ROOT, "bin/cchc.js"), "check", "a.xlsx", "b.xlsx", "--json"], { cwd: dir, encoding: "utf8" });
    } catch (e) {
      stdout = (e as { stdout: string }).stdout;
    }
    const printed = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          printed.add(k);
          walk(x);
        }
      }
    };
    const doc = JSON.parse(stdout) as { files: { file: string; error?: string; recognized?: number; summary?: object; readiness?: Record<string, unknown> }[] };
    walk(doc);
    const documented = [...new Set([...example.matchAll(/"(\w+)":/g)].map((m) => m[1]))];
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((k) => !printed.has(k))).toEqual([]);
    const bad = /\{"file":"b\.xlsx","error":"([^"]+)"\}/.exec(example);
    expect(bad).not.toBeNull();
    expect(doc.files.find((f) => f.file === "b.xlsx")?.error).toBe(bad![1]);
    // a.xlsx is the sample here: the example's counts are the sample's.
    const a = doc.files.find((f) => f.file === "a.xlsx")!;
    const counts = /"recognized":(\d+),.*"summary":(\{[^}]*\}),\s*"readiness":\{"ready":(\w+),"errors":(\d+),"unanswered":(\d+),"unreviewed":(\d+)/s.exec(example);
    expect(counts).not.toBeNull();
    const [recognized, summary, ready, errors, unanswered, unreviewed] = counts!.slice(1);
    expect({ recognized: a.recognized, summary: a.summary, ready: a.readiness?.ready, errors: a.readiness?.errors, unanswered: a.readiness?.unanswered, unreviewed: a.readiness?.unreviewed }).toEqual({
      recognized: Number(recognized),
      summary: JSON.parse(summary),
      ready: ready === "true",
      errors: Number(errors),
      unanswered: Number(unanswered),
      unreviewed: Number(unreviewed),
    });
  });
});
