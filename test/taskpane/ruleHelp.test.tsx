/** @jest-environment jsdom */
/**
 * The "?" on a finding: why its check exists (the finding code's help), then the relation's reason given by the form
 * the appendix was checked against — the built-in form as much as a loaded form file.
 */
import { builtinFormReasons, cellA1, type Finding, type Form, soNganh } from "../../src/core";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { MemoryHost } from "./memoryHost";
import { installResizeObserver } from "./jsdomShims";

let reasons: Form["reasons"];
beforeAll(async () => {
  installResizeObserver();
  reasons = await builtinFormReasons(soNganh.id);
});

describe("the built-in form's relation reasons", () => {
  it.each(soNganh.relations.map((r) => [r.id]))("%s has its reason in Vietnamese and in English", (id) => {
    const reason = reasons[id];
    expect(reason?.vi).toMatch(/\S{2,}/);
    expect(reason?.en).toMatch(/\S{2,}/);
    expect(reason?.vi).toBe(reason?.vi?.normalize("NFC"));
    expect(reason?.vi).not.toBe(reason?.en);
  });
});

describe("pane: '?' on a finding of the built-in form", () => {
  function cardOf(f: Finding): HTMLElement {
    const card = document.querySelector<HTMLElement>(`[data-card][data-cell="${cellA1(f.cell)}"][data-finding="${f.code}"]`);
    if (!card) throw new Error(`no card for ${f.code} on ${cellA1(f.cell)}`);
    return card;
  }

  it("shows the rule's help and the relation's reason from the form, in the language chosen", async () => {
    // The seed's warnings and an error come from relations (a part above its whole: D14 > D13).
    const host = MemoryHost.seed({ D14: 50 });
    const state = await host.check();
    if (!state.found) throw new Error("appendix not found");
    const withRelation = state.findings.filter((f) => f.relation && f.severity !== "info");
    expect(withRelation.length).toBeGreaterThanOrEqual(3);
    render(<App mode={{ kind: "excel", host }} theme={webLightTheme} />);
    await screen.findByTestId("summary");
    for (const header of document.querySelectorAll<HTMLElement>('[data-section] h3 button[aria-expanded="false"]')) fireEvent.click(header);

    for (const f of withRelation) {
      const card = cardOf(f);
      fireEvent.click(within(card).getByTestId("rule-help-toggle"));
      // The reasons come in a chunk of their own, loaded once the appendix is found.
      await waitFor(() => expect(within(card).getByTestId("rule-help").textContent).toContain(`${vi.helpFormReason} ${reasons[f.relation!].vi}`));
      expect(within(card).getByTestId("rule-help").textContent).toContain(vi.ruleHelp[f.code]);
    }

    fireEvent.click(screen.getByRole("button", { name: vi.switchLanguage }));
    const f = withRelation[0];
    await waitFor(() => expect(within(cardOf(f)).getByTestId("rule-help").textContent).toContain(en.ruleHelp[f.code]));
    expect(within(cardOf(f)).getByTestId("rule-help").textContent).toContain(`${en.helpFormReason} ${reasons[f.relation!].en}`);
  });
});
