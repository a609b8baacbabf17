/**
 * The pane's entry point. taskpane.html paints the pane's frame before any script; this bundle decides where it
 * runs (boot.ts): inside Excel it shows "connecting" while office.js arrives, then works on the open workbook
 * through ExcelHost (or says Excel is out of reach); in a plain browser it starts outside Excel at once and works
 * on .xlsx files. Each host is loaded with import() so the other mode's code (office-js adapter, ExcelJS) is never
 * downloaded.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { detectMode } from "./boot";
import { App, type AppMode } from "./components/App";

/** The element taskpane.html reserves for the pane (created when the page has none). */
function container(): HTMLElement {
  const existing = document.getElementById("container");
  if (existing) return existing;
  const div = document.createElement("div");
  div.id = "container";
  document.body.appendChild(div);
  return div;
}

const root = createRoot(container());

function show(mode: AppMode): void {
  root.render(
    <React.StrictMode>
      <App mode={mode} />
    </React.StrictMode>,
  );
}

async function appMode(): Promise<AppMode> {
  const mode = await detectMode({ onWaiting: () => show({ kind: "connecting" }) });
  if (mode === "excel") {
    const { ExcelHost } = await import(/* webpackChunkName: "excel" */ "../excel");
    return { kind: "excel", host: new ExcelHost() };
  }
  if (mode === "unreachable") return { kind: "unreachable" };
  // `?sample` opens the shipped sample at once (npm start on a machine without Excel).
  return { kind: "outside", autoOpenSample: new URLSearchParams(window.location.search).has("sample") };
}

void appMode().then(show);
