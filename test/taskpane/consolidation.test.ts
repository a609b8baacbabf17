/** @jest-environment jsdom */
import { readUnits, consolidateUnits, type ReadUnitFn } from "../../src/taskpane/consolidation";
import { appendixFailureText } from "../../src/core/messages/appendix";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { formatIssue } from "../../src/core/messages/consolidate";

function file(name: string, bytes: () => Promise<ArrayBuffer>): File {
  const f = new File([], name);
  Object.defineProperty(f, "arrayBuffer", { value: bytes });
  return f;
}

const ok = () => Promise.resolve(new ArrayBuffer(4));

describe("readUnits", () => {
  it.each([
    ["a name that is not .xlsx, never read", file("bao-cao.pdf", ok), "not_xlsx"],
    ["bytes the browser cannot hand over", file("mat.xlsx", () => Promise.reject(new Error("NotReadableError"))), "not_read"],
    ["a reader that throws on the content", file("la.xlsx", ok), "damaged"],
  ] as const)("lists %s as unreadable, with its reason, and goes on with the next file", async (_what, bad, reason) => {
    const boom = new TypeError("boom");
    const readUnit: ReadUnitFn = jest.fn(async (name: string) => {
      if (name === "la.xlsx") throw boom;
      return { report: { file: name, failure: "no_appendix" as const } };
    });
    const progress: [number, number][] = [];
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    let units: Awaited<ReturnType<typeof readUnits>>;
    try {
      units = await readUnits([bad, file("tiep.xlsx", ok)], readUnit, (d, t) => progress.push([d, t]));
      // Nothing swallowed: a reader that throws is a possible bug (console.error), lost bytes a warning.
      expect(error.mock.calls).toEqual(reason === "damaged" ? [[expect.stringContaining("la.xlsx"), boom]] : []);
      expect(warn.mock.calls.length).toBe(reason === "not_read" ? 1 : 0);
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
    expect(units[0]).toEqual({ report: { file: bad.name, failure: "unreadable" }, cause: { kind: "read", reason } });
    expect(units[1].report).toEqual({ file: "tiep.xlsx", failure: "no_appendix" });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect((readUnit as jest.Mock).mock.calls.map((c) => c[0])).toEqual(reason === "damaged" ? ["la.xlsx", "tiep.xlsx"] : ["tiep.xlsx"]);
  });
});

describe("consolidateUnits", () => {
  const tooFew = { reason: "too_few_rows" as const, sheet: "Phụ lục", template: "so-nganh", matched: 4, needed: 20, total: 178 };
  it("words each failure's cause in the pane's language", () => {
    const units = [
      { report: { file: "a.xlsx", failure: "unreadable" as const }, cause: { kind: "read" as const, reason: "encrypted" as const } },
      { report: { file: "b.xlsx", failure: "no_appendix" as const }, cause: { kind: "no_appendix" as const, failure: tooFew } },
      { report: { file: "c.xlsx", failure: "no_appendix" as const } },
    ];
    for (const [t, lang] of [
      [vi, "vi"],
      [en, "en"],
    ] as const) {
      const c = consolidateUnits(units, t, lang);
      const text = c.issues.map((i) => formatIssue(i, lang, c.template));
      expect(c.issues.map((i) => i.code)).toEqual(["file_unreadable", "no_appendix", "no_appendix"]);
      expect(text[0]).toContain(t.unitReadFailures.encrypted);
      expect(text[1]).toContain(appendixFailureText(tooFew, lang));
      expect(c.statuses.map((s) => s.column)).toEqual([null, null, null]);
    }
  });
});
