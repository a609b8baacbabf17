/**
 * `npm start` on a port another program holds: one sentence naming the port and how to pick another, exit 1, and no
 * webpack started (no EADDRINUSE stack). The holder here is a bare TCP listener that answers no HTTP at all, the case
 * a probe for /taskpane.html cannot see.
 */
import { spawnSync } from "child_process";
import net from "net";
import path from "path";

const START = path.join(__dirname, "..", "..", "scripts", "start.js");

function listen(host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen({ port: 0, host }, () => resolve(server));
  });
}

describe("npm start on a busy port", () => {
  it.each(["127.0.0.1", "::1"])("says the port is taken (held on %s) and how to pick another", async (host) => {
    const server = await listen(host);
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, [START], {
        env: { ...process.env, PORT: String(port), CI: "" },
        encoding: "utf8",
        timeout: 30000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `[cchc] Port ${port} is taken by another program. Stop that program, or pick another port: \`PORT=${port + 1} npm start\`.`,
      );
      expect(r.stdout).not.toContain("Building");
      expect(r.stderr).not.toMatch(/EADDRINUSE|at .*\(/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
