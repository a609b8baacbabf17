// Lints texts with the repository's ESLint config through ESLint's Node API, each as if it were the file at its
// path (nothing is written). Reads [{ path, code }] as JSON on stdin; writes [{ path, messages }] on stdout. A
// child process, because ESLint loads eslint.config.mjs with import(), which Jest's module system refuses.
import { ESLint } from "eslint";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { path, code } of input) {
  const [result] = await eslint.lintText(code, { filePath: path });
  out.push({ path, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));
