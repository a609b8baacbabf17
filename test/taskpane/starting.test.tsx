/** @jest-environment jsdom */
/** The pane while it starts inside Excel: connecting, then (office.js never came) Excel out of reach with a retry. */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { en } from "../../src/taskpane/messages/en";
import { vi } from "../../src/taskpane/messages/vi";
import { installResizeObserver } from "./jsdomShims";

beforeAll(installResizeObserver);

test("connecting: the pane's frame with its title and a visible 'connecting to Excel' state, no file checker", () => {
  render(<App mode={{ kind: "connecting" }} theme={webLightTheme} />);
  expect(screen.getByRole("heading", { name: vi.appTitle })).toBeTruthy();
  expect(screen.getByTestId("connecting").textContent).toContain(vi.connecting);
  expect(screen.queryByRole("button", { name: vi.openFile })).toBeNull();
});

test("unreachable: says Excel could not be reached, in the user's language, with a retry", () => {
  const retry = jest.fn();
  render(<App mode={{ kind: "unreachable", retry }} theme={webLightTheme} lang="en" />);
  expect(screen.getByTestId("unreachable").textContent).toContain(en.officeUnreachable);
  fireEvent.click(screen.getByRole("button", { name: en.retry }));
  expect(retry).toHaveBeenCalledTimes(1);
});
