/**
 * The manifest for a deployment: `ADDIN_HOST=https://cchc.example.gov.vn npm run build` writes dist/manifest.xml
 * with every development URL (https://localhost:3000) moved to that host and a <Version> higher than any build
 * before it, so Office and WebView2 drop their cached copy of the add-in (docs/DEPLOY.md). Without ADDIN_HOST the
 * build copies manifest.xml unchanged (development). Used by webpack.config.js; plain CommonJS so webpack can load
 * it without a TypeScript step.
 */

/** The host every URL of manifest.xml is written with. */
const DEV_HOST = "https://localhost:3000";

/**
 * The deployment host, checked: https, a host name, an optional path, no query or trailing slash. Throws a
 * sentence (Vietnamese, then English) that says what is wrong.
 * @param {string} raw
 * @returns {string}
 */
function deploymentHost(raw) {
  const value = String(raw).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_HOST "${raw}" không phải là một địa chỉ web. / ADDIN_HOST "${raw}" is not a web address.`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_HOST phải dùng https:// (Office chỉ tải phần bổ trợ qua https). / ADDIN_HOST must use https:// (Office loads add-ins over https only): "${raw}".`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_HOST chỉ gồm máy chủ và đường dẫn, không có ?, # hay tài khoản. / ADDIN_HOST is a host and a path only, no query, fragment or credentials: "${raw}".`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * A version above every earlier build's: the manifest's first two parts, then the build's UTC year and month
 * (yymm) and minute of the month (each part stays under Office's 65535). `override` (ADDIN_VERSION) wins when given.
 * @param {string} base the manifest's <Version>
 * @param {Date} now
 * @param {string | undefined} override
 * @returns {string}
 */
function bumpedVersion(base, now, override) {
  // `set ADDIN_VERSION=1.0.0.3 && npm run build` in cmd keeps the space before "&&" in the value.
  if (override !== undefined) override = override.trim();
  if (override) {
    if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(override) || override.split(".").some((p) => Number(p) > 65535)) {
      throw new Error(`ADDIN_VERSION "${override}" phải có dạng n.n.n.n (mỗi phần ≤ 65535). / ADDIN_VERSION "${override}" must be n.n.n.n (each part ≤ 65535).`);
    }
    return override;
  }
  const [major = "0", minor = "0"] = base.split(".");
  const yymm = (now.getUTCFullYear() % 100) * 100 + now.getUTCMonth() + 1;
  const minute = (now.getUTCDate() - 1) * 1440 + now.getUTCHours() * 60 + now.getUTCMinutes();
  return `${major}.${minor}.${yymm}.${minute}`;
}

/**
 * manifest.xml for `host`: every development URL rewritten, the version bumped, the comment saying so.
 * @param {string} xml manifest.xml as in the repository
 * @param {{ host: string, now?: Date, version?: string }} options
 * @returns {{ xml: string, version: string, host: string }}
 */
function deployManifest(xml, options) {
  const host = deploymentHost(options.host);
  const base = /<Version>([^<]+)<\/Version>/.exec(xml);
  if (!base) throw new Error("manifest.xml has no <Version>.");
  const version = bumpedVersion(base[1], options.now ?? new Date(), options.version);
  const out = xml
    .split(DEV_HOST)
    .join(host)
    .replace(/<Version>[^<]+<\/Version>/, `<Version>${version}</Version>`)
    .replace("<!--", `<!--\n  Built for ${host}, version ${version} (ADDIN_HOST; docs/DEPLOY.md).`);
  return { xml: out, version, host };
}

module.exports = { DEV_HOST, deploymentHost, bumpedVersion, deployManifest };
