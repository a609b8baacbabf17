import { detectMode } from "../../src/taskpane/boot";
import { luminance, prefersDark } from "../../src/taskpane/theme";

type OfficeLike = { onReady: () => Promise<{ host: string | null }>; HostType: { Excel: string } };

function withOffice(office: OfficeLike | undefined, body: () => Promise<void>): Promise<void> {
  const g = globalThis as unknown as { Office?: OfficeLike };
  const saved = g.Office;
  g.Office = office;
  return body().finally(() => {
    g.Office = saved;
  });
}

describe("detectMode", () => {
  it.each([
    ["office.js did not load", undefined, "outside"],
    ["Excel", { onReady: async () => ({ host: "Excel" }), HostType: { Excel: "Excel" } }, "excel"],
    ["a plain browser (no host)", { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } }, "outside"],
    ["another Office host", { onReady: async () => ({ host: "Word" }), HostType: { Excel: "Excel" } }, "outside"],
    ["onReady failing", { onReady: () => Promise.reject(new Error("x")), HostType: { Excel: "Excel" } }, "outside"],
  ] as const)("%s -> %s", async (_what, office, mode) => {
    await withOffice(office as OfficeLike | undefined, async () => expect(await detectMode(1000)).toBe(mode));
  });

  it("starts outside Excel within its bound when onReady never answers", async () => {
    const office = { onReady: () => new Promise<never>(() => undefined), HostType: { Excel: "Excel" } };
    await withOffice(office, async () => {
      const started = Date.now();
      expect(await detectMode(200)).toBe("outside");
      expect(Date.now() - started).toBeLessThan(1500);
    });
  });
});

describe("theme", () => {
  it.each([
    ["#FFFFFF", false, false],
    ["#ffffff", true, false],
    ["#262626", false, true],
    ["#000000", false, true],
    [undefined, true, true],
    [undefined, false, false],
    ["not a colour", true, true],
  ])("Office background %s, system dark %s -> dark %s", (bg, system, dark) => {
    expect(prefersDark(bg, system)).toBe(dark);
  });

  it("measures luminance", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#abc")).toBeNull();
  });
});
