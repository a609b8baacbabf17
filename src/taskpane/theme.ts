/** Light or dark, following Office's theme where the host tells it, else the system's preference. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of "#RRGGBB" (0 black .. 1 white); null for anything else. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/**
 * True when the pane should be dark. Office's body background is trusted when it is a colour (some hosts leave
 * officeTheme unset or wrong, hence the fallback to prefers-color-scheme).
 */
export function prefersDark(officeBackground: string | undefined, systemDark: boolean): boolean {
  const l = luminance(officeBackground);
  return l === null ? systemDark : l < 0.4;
}

/** The Office body background colour, when office.js is loaded and knows it. */
export function officeBackground(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  } catch {
    // officeTheme throws on hosts that do not support it; the system preference decides then.
    return undefined;
  }
}

/** The system's colour-scheme preference. */
export function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-color-scheme: dark)").matches
    : false;
}

/** The Fluent theme for the pane. */
export function paneTheme(): Theme {
  return prefersDark(officeBackground(), systemPrefersDark()) ? webDarkTheme : webLightTheme;
}
