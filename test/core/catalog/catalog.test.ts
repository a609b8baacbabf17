import * as fs from "fs";
import * as path from "path";
import { indicatorById, soNganh, templates } from "../../../src/core/catalog";
import type { Indicator, IndicatorKind, Relation, Template } from "../../../src/core/catalog/model";
import { cleanText, labelKey } from "../../../src/core/text";
import { isSectionRow, seedRows, type SeedRow } from "../../fixtures/seed";

/** The template as printed: each section row followed by its indicators. */
function printed(t: Template): { stt: string; label: string; unit: string; accepted: readonly string[] }[] {
  return t.sections.flatMap((s) => [
    { stt: s.stt, label: s.label, unit: "", accepted: [] as readonly string[] },
    ...t.indicators
      .filter((i) => i.section === s.id)
      .map((i) => ({ stt: i.stt, label: i.label, unit: i.unit, accepted: i.acceptedUnits ?? [] })),
  ]);
}

const seed = seedRows();
const rows = printed(soNganh);

describe("catalog against the seed appendix, row by row", () => {
  it("has the same number of rows", () => {
    expect(rows).toHaveLength(seed.length);
  });

  it.each(seed.map((s, i) => [i, s] as const))("row %i: same STT, label and an accepted unit", (i, s) => {
    const r = rows[i];
    expect(r.stt).toBe(s.stt);
    expect(cleanText(r.label)).toBe(cleanText(s.label));
    expect([r.unit, ...r.accepted]).toContain(cleanText(s.unit));
  });

  it("lists sections I..VII in order with their printed names", () => {
    expect(soNganh.sections.map((s) => s.id)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
    expect(soNganh.sections.map((s) => s.label)).toEqual(seed.filter(isSectionRow).map((s) => s.label));
  });
});

describe("catalog id scheme", () => {
  it.each([
    ["I.1", "1", 0, "Tỷ lệ hoàn thành Kế hoạch CCHC năm"],
    ["I.1.1", "", 1, "Số nhiệm vụ đề ra trong kế hoạch"],
    ["I.1.2", "", 1, "Số nhiệm vụ đã hoàn thành"],
    ["I.9", "9", 0, "Nhiệm vụ khác (nếu có)"],
    ["III.4.3", "", 1, "Tổng số TTHC đang có hiệu lực:"],
    ["III.4.3.1", "", 2, "- Số TTHC áp dụng tại cơ quan, đơn vị:"],
    ["V.6.5.3", "", 2, "- Trong đơn vị SNCL do ngân sách nhà nước đảm bảo"],
    ["VII.2", "2", 0, "Bố trí công chức, viên chức chuyên trách CNTT"],
    ["VII.2b", "2", 0, "Số liệu về trao đổi văn bản điện tử"],
    ["VII.2b.1.2", "", 2, "- Số lượng văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy"],
    ["VII.2c", "2", 0, "Vận hành kết nối liên thông"],
    ["VII.3.1", "", 1, "Dịch vụ công trực tuyến mức độ 3"],
    ["VII.3.2.3", "", 2, "- Số TTHC đang cung cấp trực tuyến mức độ 4 có phát sinh hồ sơ nộp trực tuyến"],
    ["VII.3.3", "", 1, "Số TTHC cung cấp trực tuyến mức độ 3 và mức độ 4 đã tích hợp"],
    ["VII.10.6", "", 1, "Đơn vị trực thuộc sở ngành thực hiện xem xét của lãnh đạo"],
  ])("%s is STT %p at level %i: %s", (id, stt, level, label) => {
    const i = indicatorById(soNganh, id);
    expect(i).toBeDefined();
    expect(i!.stt).toBe(stt);
    expect(i!.level).toBe(level);
    expect(i!.label.startsWith(label)).toBe(true);
  });

  it("finds nothing for an unknown id", () => {
    expect(indicatorById(soNganh, "VIII.1")).toBeUndefined();
    expect(templates).toContain(soNganh);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });
});

describe("catalog structure", () => {
  const ids = soNganh.indicators.map((i) => i.id);

  it("has unique ids of the documented shape", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(I|II|III|IV|V|VI|VII)\.\d+[a-z]?(\.\d+)*$/);
  });

  it("nests every row under an earlier parent, one level down, with a matching id", () => {
    const seen = new Map<string, Indicator>();
    for (const i of soNganh.indicators) {
      expect(soNganh.sections.map((s) => s.id)).toContain(i.section);
      expect(i.id.startsWith(`${i.section}.`)).toBe(true);
      if (i.level === 0) {
        expect(i.parent).toBeUndefined();
        expect(i.stt).not.toBe("");
      } else {
        const parent = seen.get(i.parent ?? "");
        expect(parent).toBeDefined();
        expect(parent!.level).toBe(i.level - 1);
        expect(i.id.startsWith(`${parent!.id}.`)).toBe(true);
        expect(i.stt).toBe("");
      }
      seen.set(i.id, i);
    }
  });

  it("gives codes to flags and choices only, with distinct values and lower-case words", () => {
    for (const i of soNganh.indicators) {
      if (i.kind === "flag" || i.kind === "choice") {
        expect(i.codes?.length).toBeGreaterThanOrEqual(2);
        const values = i.codes!.map((c) => c.value);
        expect(new Set(values).size).toBe(values.length);
        if (i.kind === "flag") expect([...values].sort()).toEqual([0, 1]);
        for (const c of i.codes!) {
          expect(c.label).not.toBe("");
          expect(c.words).toContain(c.label.toLowerCase());
          for (const w of c.words ?? []) expect(w).toBe(w.toLowerCase());
        }
      } else {
        expect(i.codes).toBeUndefined();
      }
    }
  });

  it("gives every kind its unit", () => {
    for (const i of soNganh.indicators) {
      if (i.kind === "percent") expect(i.unit).toBe("%");
      if (i.kind === "group" || i.kind === "text") expect(i.unit).toBe("");
      if (i.kind === "count") expect(i.unit).not.toBe("");
      if (i.kind === "group") expect(soNganh.indicators.some((c) => c.parent === i.id)).toBe(true);
    }
  });

  it.each([
    ["Không = 0 Có = 1", [["Không", 0], ["Có", 1]]],
    ["Tốt = 1 Có vi phạm = 0", [["Tốt", 1], ["Có vi phạm", 0]]],
    ["Đã thực hiện = 1 Chưa thực hiện = 0", [["Đã thực hiện", 1], ["Chưa thực hiện", 0]]],
    ["Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", [["Trực tuyến", 0], ["Phát phiếu", 1], ["Kết hợp", 2]]],
  ])("reads the codes of %s in printed order", (unit, codes) => {
    const i = soNganh.indicators.find((x) => x.unit === unit);
    expect(i?.codes?.map((c) => [c.label, c.value])).toEqual(codes);
  });

  it.each([
    ["I.3.4", "có", 1],
    ["I.3.4", "khong", 0],
    ["I.8", "có vi phạm", 0],
    ["I.8", "tot", 1],
    ["V.3.1", "chưa thực hiện", 0],
    ["V.3.1", "da thuc hien", 1],
    ["I.7.2", "trực tuyến", 0],
    ["I.7.2", "phat phieu", 1],
    ["I.7.2", "kết hợp", 2],
  ])("%s understands the word %p as %i", (id, word, value) => {
    const matching = indicatorById(soNganh, id)!.codes!.filter((c) => c.words?.includes(word));
    expect(matching.map((c) => c.value)).toEqual([value]);
  });

  it("keeps all text NFC and free of stray spaces", () => {
    const texts = [
      soNganh.title,
      ...soNganh.sections.flatMap((s) => [s.label]),
      ...soNganh.indicators.flatMap((i) => [
        i.label,
        i.unit,
        i.noteHint ?? "",
        ...(i.aliases ?? []),
        ...(i.acceptedUnits ?? []),
        ...(i.codes ?? []).flatMap((c) => [c.label, ...(c.words ?? [])]),
      ]),
    ];
    for (const t of texts) {
      expect(t).toBe(t.normalize("NFC"));
      expect(t).toBe(cleanText(t));
    }
  });

  it("repeats a label only where the printed appendix does, never within one numbered row", () => {
    const byKey = new Map<string, string[]>();
    for (const i of soNganh.indicators) byKey.set(labelKey(i.label), [...(byKey.get(labelKey(i.label)) ?? []), i.id]);
    const repeated = [...byKey.values()].filter((v) => v.length > 1);
    expect(repeated).toEqual([
      ["I.2.3", "IV.6.3"],
      ["I.2.4", "IV.6.4", "IV.7.5"],
      ["IV.3.2", "IV.4.2"],
    ]);
  });
});

/** Which kinds each relation slot accepts. */
const FITS: Record<string, readonly IndicatorKind[]> = {
  amount: ["count"],
  rate: ["percent"],
  flag: ["flag"],
  answer: ["flag", "choice"],
  group: ["group", "count"],
  measure: ["count", "percent"],
};

function slots(r: Relation): [string, string][] {
  switch (r.kind) {
    case "part_of_whole":
      return [...r.parts, r.whole, ...(r.wholeAlso ?? [])].map((id) => [id, "amount"]);
    case "sum_equals":
      return [...r.parts, r.total].map((id) => [id, "amount"]);
    case "rate":
      return [[r.rate, "rate"], [r.numerator, "amount"], [r.denominator, "amount"]];
    case "flag_counts":
      return [[r.flag, "flag"], ...r.counts.map((id): [string, string] => [id, "amount"])];
    case "note_required":
      // codes for an answer, a count for "above a bound"; a group row's note when its sub-rows are the sources
      if (r.sources) return [[r.indicator, "group"], ...r.sources.map((id): [string, string] => [id, "amount"])];
      return [[r.indicator, r.whenAbove === undefined ? "answer" : "measure"]];
    case "implies_positive":
      return [
        ...r.given.map((id): [string, string] => [id, r.givenEquals === undefined ? "amount" : "flag"]),
        ...r.then.map((id): [string, string] => [id, "amount"]),
      ];
    case "count_rate_zero":
      return [[r.count, "amount"], [r.rate, "rate"]];
  }
}

describe("catalog relations", () => {
  it("have unique snake_case ids", () => {
    const ids = soNganh.relations.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it.each(soNganh.relations.map((r) => [r.id, r] as const))("%s names existing rows of a fitting kind", (_id, r) => {
    for (const [id, slot] of slots(r)) {
      const i = indicatorById(soNganh, id);
      expect(i).toBeDefined();
      expect(FITS[slot]).toContain(i!.kind);
    }
    if (r.kind === "flag_counts") expect(indicatorById(soNganh, r.flag)!.codes!.map((c) => c.value)).toContain(r.no);
    if (r.kind === "note_required") {
      const values = (indicatorById(soNganh, r.indicator)!.codes ?? []).map((c) => c.value);
      for (const w of r.when) expect(values).toContain(w);
    }
    if (r.kind === "part_of_whole" || r.kind === "sum_equals") {
      const whole = r.kind === "part_of_whole" ? [r.whole, ...(r.wholeAlso ?? [])] : [r.total];
      for (const p of r.parts) expect(whole).not.toContain(p);
    }
  });

  it("only excuse a warning: caveats never soften an error", () => {
    for (const r of soNganh.relations) {
      if ((r.kind === "part_of_whole" || r.kind === "sum_equals") && r.caveat) expect(r.severity).toBe("warning");
    }
  });
});

/** A seed value as a number, the way a careful reader reads it ("02" -> 2, "100%" -> 100); null when blank. */
function seedNumber(row: SeedRow): number | null {
  if (row.value === "") return null;
  const n = Number(row.value.replace(/%$/, ""));
  if (!Number.isFinite(n)) throw new Error(`Seed value "${row.value}" of "${row.label}" is not a number`);
  return n;
}

type Outcome = "holds" | "breaks" | "skipped";

/** Evaluates one relation on plain numbers, with the engine's blank rules (src/core/rules/relationRules.ts). */
function evaluate(r: Relation, value: (id: string) => number | null): Outcome {
  const sum = (ids: readonly string[]) => ids.reduce((s, id) => s + (value(id) ?? 0), 0);
  const anyFilled = (ids: readonly string[]) => ids.some((id) => value(id) !== null);
  switch (r.kind) {
    case "part_of_whole": {
      const whole = [r.whole, ...(r.wholeAlso ?? [])];
      if (!anyFilled(whole) || !anyFilled(r.parts)) return "skipped";
      return sum(r.parts) <= sum(whole) ? "holds" : "breaks";
    }
    case "sum_equals":
      if (value(r.total) === null || !anyFilled(r.parts)) return "skipped";
      return sum(r.parts) === value(r.total) ? "holds" : "breaks";
    case "rate": {
      const [rt, n, d] = [value(r.rate), value(r.numerator), value(r.denominator)];
      if (rt === null || n === null || !d) return "skipped";
      return Math.abs(rt - Math.round((n / d) * 10000) / 100) < 0.005 ? "holds" : "breaks";
    }
    case "flag_counts":
      if (value(r.flag) === null) return "skipped";
      return value(r.flag) === r.no && r.counts.some((id) => (value(id) ?? 0) > 0) ? "breaks" : "holds";
    case "note_required":
      return "skipped";
    case "implies_positive": {
      const asks = r.given.some((id) => value(id) !== null && (r.givenEquals !== undefined ? value(id) === r.givenEquals : value(id)! > 0));
      if (!asks || (!r.blankIsZero && !anyFilled(r.then))) return "skipped";
      return sum(r.then) > 0 ? "holds" : "breaks";
    }
    case "count_rate_zero": {
      const [c, rt] = [value(r.count), value(r.rate)];
      if (c === null || rt === null) return "skipped";
      return (c === 0) === (rt === 0) ? "holds" : "breaks";
    }
  }
}

describe("catalog relations on the seed's figures", () => {
  const values = new Map<string, number | null>();
  const data = seed.filter((s) => !isSectionRow(s));
  soNganh.indicators.forEach((ind, k) => {
    if (ind.kind === "count" || ind.kind === "percent" || ind.kind === "flag" || ind.kind === "choice") {
      values.set(ind.id, seedNumber(data[k]));
    }
  });
  const value = (id: string) => values.get(id) ?? null;
  const outcome = new Map(soNganh.relations.map((r) => [r.id, evaluate(r, value)]));

  it("reads the seed row of each id (spot check)", () => {
    expect([value("I.1.1"), value("I.1.2"), value("II.2.3"), value("I.3.1"), value("VII.2b.1"), value("VII.6")]).toEqual([
      47, 41, 2, 100, 3036, 47,
    ]);
  });

  it.each(soNganh.relations.filter((r) => r.kind !== "note_required").map((r) => [r.id, r.severity] as const))(
    "%s (%s) is not broken by the seed",
    (id) => {
      expect(outcome.get(id)).not.toBe("breaks");
    },
  );

  it.each([
    "i1_done_le_planned",
    "ii1_on_time_le_issued",
    "ii2_proposed_le_reviewed",
    "iii4_in_force_sum",
    "iii7_returned_le_received",
    "vii2b_electronic_le_outgoing",
    "vii3_l4_with_files_le_provided",
    "vii3_integrated_le_provided",
    "vii3_online_files_le_files",
    "vii3_procedures_with_files_le_online_files",
    "vii6_mail_accounts_le_staff_present",
    "vii7_certified_leaders_le_leaders",
    "ii3_pbgdpl_flag_vs_documents",
    "iii3_simplify_flag_vs_counts",
  ])("%s is really checked on the seed (not skipped for blanks)", (id) => {
    expect(outcome.get(id)).toBe("holds");
  });

  it("catches a part made bigger than its whole (the evaluator is not vacuous)", () => {
    const broken = (id: string) => (id === "VII.2b.1.1" ? 3000 : value(id));
    const r = soNganh.relations.find((x) => x.id === "vii2b_electronic_le_outgoing")!;
    expect(evaluate(r, broken)).toBe("breaks");
    const mail = soNganh.relations.find((x) => x.id === "vii6_mail_accounts_le_staff_present")!;
    expect(evaluate(mail, (id) => (id === "VII.6" ? 48 : value(id)))).toBe("breaks");
  });
});

describe("catalog units", () => {
  it.each([
    ["I.3.5", "Không = 0 Có = 1", "Có = 1 Không = 0"],
    ["VI.1", "Có = 1 Không = 0", "Không = 0 Có = 1"],
    ["I.8", "Tốt = 1 Có vi phạm = 0", "Có vi phạm = 0 Tốt = 1"],
  ])("%s (%s) also accepts its codes printed the other way round", (id, unit, other) => {
    const i = indicatorById(soNganh, id)!;
    expect(i.unit).toBe(unit);
    expect(i.acceptedUnits).toContain(other);
  });

  it.each([
    ["I.3.4", "Không = 0 Có = 1", ["Tin, bài", "Tin bài"]],
    ["III.7.1", "Hồ sơ", [""]],
    ["III.7.2", "Hồ sơ", [""]],
    ["V.6.5.1", "Người", [""]],
    ["V.6.5.3", "Người", [""]],
    ["VII.3.4", "Hồ sơ", ["TTHC"]],
    ["VII.3.5", "Hồ sơ", ["TTHC"]],
  ])("%s is corrected to %p and still accepts the printed %p (docs/TEMPLATE.md)", (id, unit, printedUnits) => {
    const i = indicatorById(soNganh, id)!;
    expect(i.unit).toBe(unit);
    for (const u of printedUnits) expect(i.acceptedUnits).toContain(u);
  });

  it("has no accepted unit that is a different kind's unit, except the documented corrections", () => {
    const corrected = new Set(["I.3.4"]);
    for (const i of soNganh.indicators) {
      if (corrected.has(i.id) || i.kind !== "flag") continue;
      for (const u of i.acceptedUnits ?? []) expect(u).toMatch(/=/);
    }
  });
});

describe("docs/RULES.md", () => {
  const text = fs.readFileSync(path.resolve(__dirname, "../../../docs/RULES.md"), "utf8");
  // Relation ids start with their section ("i1_", "vii2b_"); the kinds table above them does not.
  const documented = [...text.matchAll(/^\| `([iv]+\d+[a-z]?_[a-z0-9_]+)` \|/gm)].map((m) => m[1]);

  it("lists every relation id exactly once, and no other", () => {
    expect([...documented].sort()).toEqual(soNganh.relations.map((r) => r.id).sort());
  });

  it.each(soNganh.relations.map((r) => [r.id, r] as const))("states the severity of %s as declared", (id, r) => {
    const line = text.split("\n").find((l) => l.startsWith(`| \`${id}\` |`))!;
    const caveat = "caveat" in r && r.caveat ? `, ${r.caveat}` : "";
    expect(line).toContain(`| ${r.severity}${caveat} |`);
  });
});
