/**
 * manifest.xml passes the offline validator, and the validator catches each kind of mistake it is for:
 * a broken copy of the real manifest, one mistake at a time, must fail with the matching problem.
 */
import * as fs from "fs";
import * as path from "path";
import { OFFICE_APP_ORDER, repositoryEnvironment, validateManifest, type ManifestEnvironment } from "../scripts/validate-manifest";

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
