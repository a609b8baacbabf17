/**
 * One zip reader in src: package/zip.ts. The limit checks (limits.ts), the streaming reader, the surgical writer and
 * the core-properties reader all read archives through it, so a fix to how an archive is read (zip64, a padded
 * comment, a data descriptor) reaches every one of them. A record signature anywhere else in src would be a second
 * parser. (Tests and fixture makers write such records on purpose.)
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../../src");
/** The zip records' signatures: local header, central directory, end record, zip64 end record and locator, data descriptor. */
const SIGNATURES = /0x0(?:4034b50|2014b50|6054b50|6064b50|7064b50|8074b50)\b|PK\\x0[1-8]/i;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test("only src/xlsx/package/zip.ts reads zip records", () => {
  const readers = sources(SRC).filter((file) => SIGNATURES.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(SRC, file));
  expect(readers).toEqual([path.join("xlsx", "package", "zip.ts")]);
});
