/**
 * The add-in build, after Microsoft's task-pane template: two entries (the pane and the ribbon's function file),
 * their HTML pages, assets + manifest + the sample workbook copied, ts-loader (transpileOnly: `npm run typecheck`
 * does the type checking), and an HTTPS dev server on port 3000 with Office's development certificates.
 *
 * Where those certificates cannot be installed and trusted (no sudo, no system CA store — as on this machine),
 * the dev server falls back to plain http://localhost:3000 and says so: enough for the pane outside Excel, not for
 * sideloading into Excel (Office loads add-ins over https only). OFFICE_ADDIN_HTTP=1 forces http.
 *
 * Code splitting: ExcelJS (outside Excel) and the office-js adapter (inside Excel) are reached only through
 * import() in src/taskpane/index.tsx, so each lands in its own async chunk; splitChunks stays on "async" so
 * neither is ever pulled into the initial taskpane chunk. docs/OFFICE.md, "Build".
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { deployManifest } = require("./scripts/deployManifest");

const PORT = Number(process.env.PORT || 3000);

/** https options from office-addin-dev-certs, or null (with the reason printed) when they cannot be had. */
async function devHttpsOptions() {
  if (process.env.OFFICE_ADDIN_HTTP === "1") {
    console.warn("[cchc] OFFICE_ADDIN_HTTP=1: serving plain http.");
    return null;
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const reason = String((e && e.message) || e).split("\n")[0];
    console.warn(
      [
        "",
        "[cchc] Office's development certificates could not be installed or trusted:",
        `[cchc]   ${reason}`,
        `[cchc] Serving plain http://localhost:${PORT} instead. The pane works outside Excel at`,
        `[cchc]   http://localhost:${PORT}/taskpane.html`,
        "[cchc] To sideload into Excel (https only), run `npx office-addin-dev-certs install` where you",
        "[cchc] can trust a certificate (Windows, macOS, or Linux with sudo), then `npm start` again.",
        "",
      ].join("\n"),
    );
    return null;
  }
}

/**
 * The manifest copied into dist/: as it is for development; with ADDIN_HOST, for that host with a bumped version
 * (scripts/deployManifest.js, docs/DEPLOY.md). A wrong ADDIN_HOST stops the build with the reason.
 */
function manifestTransform() {
  const host = process.env.ADDIN_HOST;
  if (!host) return undefined;
  const now = new Date();
  const version = process.env.ADDIN_VERSION;
  return (content) => {
    const out = deployManifest(content.toString("utf8"), { host, now, version });
    console.log(`[cchc] dist/manifest.xml for ${out.host}, version ${out.version}; check it with: npm run validate -- dist/manifest.xml`);
    return out.xml;
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean((env && env.WEBPACK_SERVE) || process.env.WEBPACK_SERVE);
  const https = serving ? await devHttpsOptions() : null;
  const deploying = manifestTransform();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules for webpack: with tsconfig's commonjs, import() would become require() and not split.
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // "async": only import()ed code is split out; the initial chunk never takes ExcelJS or the Excel adapter.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // ES5, run before the bundles: on IE11/EdgeHTML it says which Office and WebView2 are needed.
          { from: "src/taskpane/oldHostCheck.js", to: "oldHostCheck.js" },
          { from: "manifest.xml", to: "manifest.xml", ...(deploying ? { transform: deploying } : {}) },
          { from: "samples/*.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      open: false,
    },
  };
};
