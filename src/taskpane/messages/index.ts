import type { Lang } from "../../core";
import { en } from "./en";
import { vi, type Messages } from "./vi";

export type { Messages } from "./vi";

/** The pane's strings in `lang`. */
export function messagesFor(lang: Lang): Messages {
  return lang === "en" ? en : vi;
}
