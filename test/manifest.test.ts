/**
 * manifest.xml passes the offline validator, and the validator catches each kind of mistake it is for:
 * a broken copy of the real manifest, one mistake at a time, must fail with the matching problem.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareVersions, deploymentProblems, OFFICE_APP_ORDER, repositoryEnvironment, validateFiles, validateManifest, type ManifestEnvironment } from "../scripts/validate-manifest";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bumpedVersion, deployManifest, deploymentHost } = require("../scripts/deployManifest") as typeof import("../scripts/deployManifest");

const ROOT = path.join(__dirname, "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const ENV = repositoryEnvironment(ROOT);

test("manifest.xml passes every offline check", () => {
  expect(validateManifest(MANIFEST, ENV)).toEqual([]);
});

test("the repository environment is read: docs, code and commands agree on what the manifest asks", () => {
  expect(ENV.documentedExcelApi).toBe("1.9");
  expect(ENV.codeExcelApi).toBe("1.9");
  expect(ENV.registeredFunctions).toEqual(expect.arrayContaining(["checkSheet", "fillTotals"]));
});

test("the schema order the validator holds is [MS-OWEMXML]'s for the elements the brief names", () => {
  const named = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  expect(OFFICE_APP_ORDER.filter((e) => named.includes(e))).toEqual(named);
});

/** The manifest with one textual change; the change must apply (a test that edits nothing proves nothing). */
function broken(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  expect(out).not.toBe(MANIFEST);
  return out;
}

const moveSupportUrl = () => {
  const line = MANIFEST.match(/ *<SupportUrl [^>]*\/>\n/)![0];
  return MANIFEST.replace(line, "").replace("<DefaultLocale>", `${line}  <DefaultLocale>`);
};

test.each<[string, () => string, RegExp]>([
  ["an unclosed element", () => broken("</Hosts>\n  <Requirements>", "\n  <Requirements>"), /not well-formed/],
  ["text after the root", () => `${MANIFEST}<extra/>`, /not well-formed/],
  ["an element out of order", moveSupportUrl, /<(DefaultLocale|SupportUrl)> is out of order/],
  ["a missing required element", () => broken(/ *<ProviderName>.*<\/ProviderName>\n/, ""), /<ProviderName> is missing/],
  ["an unknown element", () => broken("<Hosts>", "<Hostz/><Hosts>"), /unknown element <Hostz>/],
  ["an Id that is not a GUID", () => broken(/<Id>[^<]+<\/Id>/, "<Id>cchc-addin</Id>"), /not a GUID/],
  ["a three-part version", () => broken("<Version>0.1.0.0</Version>", "<Version>0.1.x</Version>"), /not n\.n\.n\.n/],
  ["more permissions", () => broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /ReadWriteDocument only/],
  ["a resid with no resource", () => broken('resid="Check.Label"/>', 'resid="Check.Labl"/>'), /resid "Check.Labl" is not defined/],
  ["a resource never used", () => broken("</bt:Urls>", '<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/x.html"/></bt:Urls>'), /resource "Unused.Url" is never used/],
  ["an http URL", () => broken('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"'), /is not https/],
  ["an icon missing from assets/", () => broken("assets/icon-80.png", "assets/icon-81.png"), /assets\/icon-81.png does not exist/],
  ["an icon of the wrong size", () => broken('id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"', 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"'), /is 16x16, expected 32x32/],
  ["another ExcelApi set than the docs", () => broken('MinVersion="1.9"', 'MinVersion="1.7"'), /ExcelApi 1.7 in the manifest, 1.9 in docs\/OFFICE.md/],
  ["a string without English", () => broken(/(<bt:String id="Fill.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, "$1"), /string "Fill.Label" has no en-US override/],
  ["a short string over 125 characters", () => broken('DefaultValue="Phụ lục CCHC"', `DefaultValue="${"x".repeat(126)}"`), /longer than 125/],
  ["a function commands.ts does not register", () => broken("<FunctionName>fillTotals</FunctionName>", "<FunctionName>fillAll</FunctionName>"), /function "fillAll" is not registered/],
  ["two controls with one id", () => broken('id="CCHC.Fill"', 'id="CCHC.Check"'), /control id "CCHC.Check" is used twice/],
  ["a control without a Supertip", () => broken(/(<Control xsi:type="Button" id="CCHC.Fill">\s*<Label[^>]*\/>)\s*<Supertip>[\s\S]*?<\/Supertip>/, "$1"), /control "CCHC.Fill" has no <Supertip>/],
  ["a Supertip without a description", () => broken(/(<Title resid="Check.Label"\/>)\s*<Description resid="Check.Tooltip"\/>/, "$1"), /control "CCHC.Check": <Supertip> has no <Description>/],
  ["the FunctionFile after the extension point", () => broken(/( *<FunctionFile resid="Commands.Url"\/>\n)([\s\S]*?<\/ExtensionPoint>\n)/, "$2$1"), /<FunctionFile> must come before <ExtensionPoint>/],
  ["a locale not of the schema's form", () => broken('<Override Locale="en-US" Value="CCHC Appendix Checker"/>', '<Override Locale="English" Value="CCHC Appendix Checker"/>'), /locale "English" is not a culture name/],
  ["an underscore locale", () => broken("<DefaultLocale>vi-VN</DefaultLocale>", "<DefaultLocale>vi_VN</DefaultLocale>"), /locale "vi_VN"/],
  ["URLs on two hosts", () => broken('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="https://other.example/commands.html"'), /URLs on more than one host/],
])("fails on %s", (_label, make, problem) => {
  const problems = validateManifest(make(), ENV);
  expect(problems.some((p) => problem.test(p))).toBe(true);
});

test("a missing docs or code figure is a problem, not a pass", () => {
  const env: ManifestEnvironment = { ...ENV, documentedExcelApi: null, codeExcelApi: null };
  expect(validateManifest(MANIFEST, env)).toEqual(
    expect.arrayContaining([expect.stringMatching(/none in docs\/OFFICE.md/), expect.stringMatching(/none in src\/excel\/requirements.ts/)]),
  );
});

describe("a deployment's manifest (ADDIN_HOST=https://… npm run build)", () => {
  const now = new Date(Date.UTC(2026, 11, 1, 10, 30));

  test("every URL moves to the host, the version goes above the repository's, and it passes every check", () => {
    const out = deployManifest(MANIFEST, { host: "https://cchc.example.gov.vn/", now });
    expect(out.host).toBe("https://cchc.example.gov.vn");
    expect(out.xml).not.toMatch(/https?:\/\/localhost/);
    expect(out.xml).toContain('<SourceLocation DefaultValue="https://cchc.example.gov.vn/taskpane.html"/>');
    expect(out.version).toBe("0.1.2612.630");
    expect(validateManifest(out.xml, ENV)).toEqual([]);
    expect(deploymentProblems(out.xml, MANIFEST)).toEqual([]);
  });

  test("a host with a path keeps it; a later build has a higher version", () => {
    const a = deployManifest(MANIFEST, { host: "https://intranet.sonv.gov.vn/cchc", now });
    const b = deployManifest(MANIFEST, { host: "https://intranet.sonv.gov.vn/cchc", now: new Date(now.getTime() + 60_000) });
    expect(a.xml).toContain('DefaultValue="https://intranet.sonv.gov.vn/cchc/taskpane.html"');
    expect(compareVersions(b.version, a.version)).toBeGreaterThan(0);
    expect(compareVersions(bumpedVersion("0.1.0.0", new Date(Date.UTC(2027, 0, 1)), undefined), b.version)).toBeGreaterThan(0);
  });

  test.each([["http://cchc.example.gov.vn"], ["cchc.example.gov.vn"], ["https://cchc.example.gov.vn/?x=1"]])("ADDIN_HOST %j is refused with a sentence", (host) => {
    expect(() => deploymentHost(host)).toThrow(/ADDIN_HOST/);
  });

  test("ADDIN_VERSION sets the version, and must be n.n.n.n", () => {
    expect(deployManifest(MANIFEST, { host: "https://a.example", version: "1.2.3.4" }).version).toBe("1.2.3.4");
    // cmd's `set ADDIN_VERSION=1.2.3.4 && npm run build` and `set ADDIN_HOST=https://a.example && …` keep a trailing space.
    expect(deployManifest(MANIFEST, { host: "https://a.example ", version: "1.2.3.4 " })).toMatchObject({ version: "1.2.3.4", host: "https://a.example" });
    expect(() => deployManifest(MANIFEST, { host: "https://a.example", version: "1.2" })).toThrow(/ADDIN_VERSION/);
  });

  test("the deployment check refuses a manifest still on localhost or not above the repository's version", () => {
    expect(deploymentProblems(MANIFEST, MANIFEST)).toEqual(
      expect.arrayContaining([expect.stringMatching(/still points at https:\/\/localhost/), expect.stringMatching(/not above the repository's/)]),
    );
  });
});

describe("the build writes the deployment's manifest (webpack.config.js)", () => {
  interface CopyPattern {
    from: string;
    transform?: (content: Buffer, from: string) => string | Promise<string>;
  }
  /** The copy pattern webpack.config.js gives dist/manifest.xml, with these environment variables set. */
  async function manifestCopy(vars: Record<string, string | undefined>): Promise<CopyPattern> {
    const saved = { ADDIN_HOST: process.env.ADDIN_HOST, ADDIN_VERSION: process.env.ADDIN_VERSION };
    Object.assign(process.env, vars);
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const make = require("../webpack.config.js") as (env: object, argv: { mode: string }) => Promise<{ plugins: { patterns?: CopyPattern[] }[] }>;
      const config = await make({}, { mode: "production" });
      const copy = config.plugins.find((p) => Array.isArray(p.patterns));
      const pattern = copy?.patterns?.find((p) => p.from === "manifest.xml");
      if (!pattern) throw new Error("webpack.config.js copies no manifest.xml");
      return pattern;
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  test("without ADDIN_HOST dist/manifest.xml is the repository's as it is", async () => {
    expect((await manifestCopy({ ADDIN_HOST: undefined })).transform).toBeUndefined();
  });

  test("ADDIN_HOST=https://cchc.example.gov.vn: every URL on that host, a version above the repository's, valid", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const copy = await manifestCopy({ ADDIN_HOST: "https://cchc.example.gov.vn", ADDIN_VERSION: undefined });
      const xml = String(await copy.transform!(Buffer.from(MANIFEST, "utf8"), "manifest.xml"));
      expect(xml).not.toMatch(/https?:\/\/localhost/);
      expect(xml).toContain('<SourceLocation DefaultValue="https://cchc.example.gov.vn/taskpane.html"/>');
      expect(validateManifest(xml, ENV)).toEqual([]);
      expect(deploymentProblems(xml, MANIFEST)).toEqual([]);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/dist\/manifest.xml for https:\/\/cchc.example.gov.vn, version \d+\.\d+\.\d+\.\d+/));
    } finally {
      log.mockRestore();
    }
  });

  test("ADDIN_VERSION is the version written; a host that is not https stops the build with the reason", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const versioned = await manifestCopy({ ADDIN_HOST: "https://cchc.example.gov.vn", ADDIN_VERSION: "1.0.0.3" });
      expect(String(await versioned.transform!(Buffer.from(MANIFEST, "utf8"), "manifest.xml"))).toContain("<Version>1.0.0.3</Version>");
      const plain = await manifestCopy({ ADDIN_HOST: "http://cchc.example.gov.vn", ADDIN_VERSION: undefined });
      expect(() => plain.transform!(Buffer.from(MANIFEST, "utf8"), "manifest.xml")).toThrow(/ADDIN_HOST must use https/);
    } finally {
      log.mockRestore();
    }
  });
});

describe("npm run validate", () => {
  test("is the offline validator", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.validate).toBe("tsx scripts/validate-manifest.ts");
  });

  /** A copy of what the validator reads of the repository, with `dist` manifest when given. */
  function repositoryCopy(dist?: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-validate-"));
    for (const rel of ["manifest.xml", "docs/OFFICE.md", "src/excel/requirements.ts", "src/commands/commands.ts"]) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, rel), path.join(root, rel));
    }
    fs.cpSync(path.join(ROOT, "assets"), path.join(root, "assets"), { recursive: true });
    if (dist !== undefined) {
      fs.mkdirSync(path.join(root, "dist"));
      fs.writeFileSync(path.join(root, "dist", "manifest.xml"), dist);
    }
    return root;
  }

  const deployed = () => deployManifest(MANIFEST, { host: "https://cchc.example.gov.vn", now: new Date(Date.UTC(2026, 11, 1, 10, 30)) }).xml;

  test("checks the repository's manifest and the build's dist/manifest.xml, a deployment's rules on the build's", () => {
    const root = repositoryCopy(deployed());
    try {
      expect(validateFiles(root, undefined, root)).toEqual({
        out: ["manifest.xml: valid (offline checks; see docs/OFFICE.md)", "dist/manifest.xml: valid (offline checks; see docs/OFFICE.md)"],
        err: [],
        ok: true,
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test.each([
    ["the repository's version kept", () => deployed().replace(/<Version>[^<]+<\/Version>/, "<Version>0.1.0.0</Version>"), /dist\/manifest.xml: <Version> 0.1.0.0 is not above the repository's/],
    ["one URL left on another host", () => deployed().replace("https://cchc.example.gov.vn/commands.html", "https://localhost:3000/commands.html"), /dist\/manifest.xml: URLs on more than one host/],
    ["a control without a Supertip", () => deployed().replace(/(<Control xsi:type="Button" id="CCHC.Fill">\s*<Label[^>]*\/>)\s*<Supertip>[\s\S]*?<\/Supertip>/, "$1"), /dist\/manifest.xml: control "CCHC.Fill" has no <Supertip>/],
  ])("fails on a build's manifest with %s", (_label, make, problem) => {
    const xml = make();
    expect(xml).not.toBe(deployed());
    const root = repositoryCopy(xml);
    try {
      const result = validateFiles(root, undefined, root);
      expect(result.ok).toBe(false);
      expect(result.out).toEqual(["manifest.xml: valid (offline checks; see docs/OFFICE.md)"]);
      expect(result.err).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test("a named manifest that is not there is said, not a stack trace", () => {
    const result = validateFiles(ROOT, "nowhere/manifest.xml", ROOT);
    expect(result).toEqual({ out: [], err: ["nowhere/manifest.xml: no such file (build it first: ADDIN_HOST=https://… npm run build)"], ok: false });
  });
});
