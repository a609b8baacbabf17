/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS preload */
// Preload (node -r) that makes any network attempt fail loudly: TCP sockets, DNS, http(s), http2, tls, fetch, UDP. Each
// attempt is written to stderr as "NETWORK ATTEMPT: ..." and the process exits with status 99, so a test that
// runs the command line under it sees the attempt even where the caller would have caught the error.
// Local IPC over a Unix socket path is not network and stays allowed: tsx (which runs bin/cchc.js) looks for a
// parent tsx process on /tmp/tsx-*/<pid>.pipe.
const net = require("net");
const dns = require("dns");
const http = require("http");
const https = require("https");
const tls = require("tls");
const dgram = require("dgram");
const http2 = require("http2");

function refuse(what) {
  return function refused() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    process.exit(99);
  };
}

const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  // net.connect() normalises its arguments to [[options, callback]] before calling this.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const path = typeof first === "string" && Number.isNaN(Number(first)) ? first : first && typeof first === "object" ? first.path : undefined;
  if (typeof path === "string" && path !== "") return socketConnect.apply(this, args);
  return refuse(`net.Socket.connect ${JSON.stringify(first && typeof first === "object" ? { host: first.host, port: first.port } : first)}`)();
};
tls.connect = refuse("tls.connect");
for (const k of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "resolveMx", "resolveTxt", "reverse"]) dns[k] = refuse(`dns.${k}`);
for (const k of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"]) dns.promises[k] = refuse(`dns.promises.${k}`);
http.request = http.get = refuse("http.request");
https.request = https.get = refuse("https.request");
dgram.createSocket = refuse("dgram.createSocket");
http2.connect = refuse("http2.connect");
globalThis.fetch = refuse("fetch");
if (globalThis.WebSocket) globalThis.WebSocket = refuse("WebSocket");
