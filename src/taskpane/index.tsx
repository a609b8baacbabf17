/**
 * The pane's entry point. Inside Excel it waits for Office.onReady and works on the open workbook through
 * ExcelHost; in a plain browser (or when office.js did not load, as on an offline machine) it starts outside
 * Excel within OFFICE_READY_TIMEOUT_MS and works on .xlsx files. Each host is loaded with import() so the other
 * mode's code (office-js adapter, ExcelJS) is never downloaded.
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

async function appMode(): Promise<AppMode> {
  if ((await detectMode()) === "excel") {
    const { ExcelHost } = await import(/* webpackChunkName: "excel" */ "../excel");
    return { kind: "excel", host: new ExcelHost() };
  }
  // `?sample` opens the shipped sample at once (npm start on a machine without Excel).
  return { kind: "outside", autoOpenSample: new URLSearchParams(window.location.search).has("sample") };
}

void appMode().then((mode) => {
  createRoot(container()).render(
    <React.StrictMode>
      <App mode={mode} />
    </React.StrictMode>,
  );
});
