import { en } from "./en";
import { vi, type Messages } from "./vi";

export type { Messages } from "./vi";

/** A language the pane speaks. */
export type Lang = "vi" | "en";

/** The pane's strings in `lang`. */
export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? en : vi;
}
