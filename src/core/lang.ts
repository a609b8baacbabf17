/** The languages every message is written in: Vietnamese (the default) and English. */
export type Lang = "vi" | "en";

/** Every language, the default first. */
export const langs: readonly Lang[] = ["vi", "en"];

/** Whether a value (an argument, a stored setting) names a language. */
export function isLang(value: unknown): value is Lang {
  return (langs as readonly unknown[]).includes(value);
}
