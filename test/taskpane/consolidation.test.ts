/** @jest-environment jsdom */
import { readUnits, consolidateUnits, type ReadUnit, type ReadUnitFn } from "../../src/taskpane/consolidation";
import { appendixFailureText, formatUnusable, unreadableText } from "../../src/core";

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
      return { file: name, failure: "no_appendix" as const, appendix: { reason: "no_header" as const } };
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
    expect(units[0]).toEqual({ file: bad.name, failure: "unreadable", unreadable: { reason } });
    expect(units[1]).toEqual({ file: "tiep.xlsx", failure: "no_appendix", appendix: { reason: "no_header" } });
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect((readUnit as jest.Mock).mock.calls.map((c) => c[0])).toEqual(reason === "damaged" ? ["la.xlsx", "tiep.xlsx"] : ["tiep.xlsx"]);
  });
});

describe("readUnits and the browser's files", () => {
  it("skips a lock file unread and hands the reader the browser's last-modified date of each file", async () => {
    const readUnit = jest.fn(async (name: string) => ({ file: name, failure: "no_appendix" as const, appendix: { reason: "no_header" as const } }));
    const saved = new File([], "a.xlsx", { lastModified: Date.UTC(2023, 11, 14, 2) });
    Object.defineProperty(saved, "arrayBuffer", { value: ok });
    const units = await readUnits([file("~$a.xlsx", ok), saved], readUnit, () => undefined);
    expect(units[0]).toEqual({ file: "~$a.xlsx", failure: "lock_file" });
    expect(readUnit.mock.calls).toEqual([["a.xlsx", expect.any(ArrayBuffer), "2023-12-14T02:00:00.000Z"]]);
  });
});

describe("consolidateUnits", () => {
  const tooFew = { reason: "too_few_rows" as const, sheet: "Phụ lục", template: "so-nganh", matched: 4, needed: 20, total: 178 };
  it("keeps each failure as data, worded in the language it is shown in", () => {
    const units: ReadUnit[] = [
      { file: "a.xlsx", failure: "unreadable", unreadable: { reason: "encrypted" } },
      { file: "b.xlsx", failure: "no_appendix", appendix: tooFew },
      { file: "c.xlsx", failure: "no_appendix", appendix: { reason: "no_header" } },
    ];
    const c = consolidateUnits(units);
    // No units: listed apart, as data, never as units with an error.
    expect(c.unusable).toEqual(units);
    expect(c.statuses).toEqual([]);
    expect(c.issues).toEqual([]);
    for (const lang of ["vi", "en"] as const) {
      const text = c.unusable.map((u) => formatUnusable(u, lang, c.template));
      expect(text[0]).toContain(unreadableText({ reason: "encrypted" }, lang));
      expect(text[1]).toContain(appendixFailureText(tooFew, lang, "file"));
      expect(text[2]).toContain(appendixFailureText({ reason: "no_header" }, lang, "file"));
    }
  });
});
