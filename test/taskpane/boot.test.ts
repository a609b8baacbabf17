import { detectMode, officeExpected, pageSignals, type PageSignals } from "../../src/taskpane/boot";
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
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await withOffice(office as OfficeLike | undefined, async () => expect(await detectMode(1000)).toBe(mode));
      // Falling back to outside Excel is never silent: the console says why.
      expect(warn).toHaveBeenCalledTimes(mode === "outside" ? 1 : 0);
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ["office.js did not load", undefined, /office\.js did not load/],
    ["another Office host", { onReady: async () => ({ host: "Word" }), HostType: { Excel: "Excel" } }, /host is Word/],
    ["a plain browser", { onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } }, /plain browser/],
  ] as const)("says why it starts outside Excel: %s", async (_what, office, why) => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await withOffice(office as OfficeLike | undefined, () => detectMode(1000).then(() => undefined));
      expect(warn.mock.calls[0][0]).toMatch(why);
    } finally {
      warn.mockRestore();
    }
  });

  it("passes on onReady's own error when it fails", async () => {
    const failure = new Error("Office.js has not fully loaded");
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await withOffice({ onReady: () => Promise.reject(failure), HostType: { Excel: "Excel" } }, () => detectMode(1000).then(() => undefined));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/onReady failed/), failure);
    } finally {
      warn.mockRestore();
    }
  });

  it("starts outside Excel within its bound when onReady never answers", async () => {
    const office = { onReady: () => new Promise<never>(() => undefined), HostType: { Excel: "Excel" } };
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await withOffice(office, async () => {
        const started = Date.now();
        expect(await detectMode(200)).toBe("outside");
        expect(Date.now() - started).toBeLessThan(1500);
      });
      expect(warn.mock.calls[0][0]).toMatch(/did not answer within 200 ms/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("inside or outside Excel, by what Office puts in the page", () => {
  const inExcel: PageSignals = { hostInfoQuery: true, hostInfoStored: false, framed: false };
  const framedOnly: PageSignals = { hostInfoQuery: false, hostInfoStored: false, framed: true };
  const plain: PageSignals = { hostInfoQuery: false, hostInfoStored: false, framed: false };

  it("reads the host-info query parameter, office.js's stored copy, and framing", () => {
    const win = (search: string, stored: string | null, name = "", framed = false) =>
      ({
        location: { search },
        sessionStorage: { getItem: (k: string) => (k === "hostInfoValue" ? stored : null) },
        name,
        top: framed ? {} : undefined,
        self: undefined,
      }) as unknown as Window;
    expect(pageSignals(win("?_host_Info=Excel$Win32$16.01$vi-VN$$$$0", null))).toEqual({ hostInfoQuery: true, hostInfoStored: false, framed: false });
    expect(pageSignals(win("", "Excel|Win32|16.01|vi-VN"))).toMatchObject({ hostInfoStored: true });
    expect(pageSignals(win("", null, JSON.stringify({ hostInfo: "Excel|Web|16.00" })))).toMatchObject({ hostInfoStored: true });
    expect(pageSignals(win("?sample", null, "", true))).toEqual({ hostInfoQuery: false, hostInfoStored: false, framed: true });
    expect([inExcel, framedOnly, plain].map(officeExpected)).toEqual(["yes", "maybe", "no"]);
  });

  it("inside Excel with office.js arriving after 5 s (cold WebView2, slow link): waits, shows it is connecting, starts in Excel", async () => {
    const g = globalThis as unknown as { Office?: OfficeLike };
    const saved = g.Office;
    g.Office = undefined;
    const waiting = jest.fn();
    jest.useFakeTimers();
    try {
      const mode = detectMode({ signals: inExcel, onWaiting: waiting });
      expect(waiting).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(5000);
      g.Office = { onReady: async () => ({ host: "Excel" }), HostType: { Excel: "Excel" } };
      await jest.advanceTimersByTimeAsync(200);
      expect(await mode).toBe("excel");
    } finally {
      jest.useRealTimers();
      g.Office = saved;
    }
  });

  it("inside Excel with office.js never arriving (a hung CDN): says Excel is out of reach, never the file checker", async () => {
    const g = globalThis as unknown as { Office?: OfficeLike };
    const saved = g.Office;
    g.Office = undefined;
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await detectMode({ signals: inExcel, insideWaitMs: 300 })).toBe("unreachable");
      expect(error.mock.calls[0][0]).toMatch(/office\.js did not load within 300 ms/);
    } finally {
      error.mockRestore();
      g.Office = saved;
    }
  });

  it("a plain browser with no office.js yet starts outside at once, without waiting", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const waiting = jest.fn();
    try {
      await withOffice(undefined, async () => {
        const started = Date.now();
        expect(await detectMode({ signals: plain, onWaiting: waiting })).toBe("outside");
        expect(Date.now() - started).toBeLessThan(100);
      });
      expect(waiting).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("a framed page whose office.js never comes starts outside after its shorter wait", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await withOffice(undefined, async () => expect(await detectMode({ signals: framedOnly, framedWaitMs: 200 })).toBe("outside"));
      expect(warn.mock.calls[0][0]).toMatch(/framed page/);
    } finally {
      warn.mockRestore();
    }
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
