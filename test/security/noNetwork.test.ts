/**
 * The command line makes no network call: every command runs under a preload (noNetwork.cjs) that turns any socket,
 * DNS, http(s), tls, UDP or fetch attempt into exit status 99 with "NETWORK ATTEMPT" on stderr.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../fixtures/tempDir";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "cchc.js");
const PRELOAD = path.join(__dirname, "noNetwork.cjs");
const SAMPLE = path.join(ROOT, "samples", "phu-luc-mau-2023.xlsx");

let dir: string;
beforeAll(() => {
  dir = tempDir("cchc-nonet-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function underPreload(args: string[]) {
  const r = spawnSync(process.execPath, ["-r", PRELOAD, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("the preload catches an attempt (fetch, a socket, DNS)", () => {
  for (const code of ["fetch('http://127.0.0.1:9/')", "require('net').connect(9, '127.0.0.1')", "require('dns').lookup('example.org', () => {})"]) {
    const r = underPreload(["-e", code]);
    expect([code, r.code]).toEqual([code, 99]);
    expect(r.err).toContain("NETWORK ATTEMPT");
  }
});

test.each([
  ["--help", [], 0],
  ["check", [SAMPLE], 0],
  ["check --json --lang en", [SAMPLE, "--json", "--lang", "en"], 0],
  ["template", ["@out/mau.xlsx", "--unit", "Sở Thông tin và Truyền thông", "--year", "2024"], 0],
  ["fill", [SAMPLE, "-o", "@out/da-dien.xlsx"], 0],
  ["consolidate", [SAMPLE, SAMPLE, "-o", "@out/TONG_HOP.xlsx", "--force"], null],
])("cchc %s runs without any network attempt", (_, args, expected) => {
  const command = _.split(" ")[0];
  const resolved = (args as string[]).map((a) => a.replace("@out", dir));
  const r = underPreload([BIN, ...(command === "--help" ? ["--help"] : [command]), ...resolved]);
  expect(r.err).not.toContain("NETWORK ATTEMPT");
  if (expected !== null) expect(r.code).toBe(expected);
  else expect([0, 1]).toContain(r.code);
});
