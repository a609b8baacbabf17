/** What a cell says, once read: the typed reading every rule works from. Produced by `readCell` (read.ts). */
export type Reading =
  /** empty, or only white space */
  | { readonly kind: "blank" }
  /** an explicit "nothing": "-", "—", "x", "không", "không có" */
  | { readonly kind: "none"; readonly text: string }
  /**
   * A number as the user sees it: a cell formatted as % holding 0.8723 reads 87.23 with `percent: true`;
   * text "100%" reads 100 with `percent: true`.
   */
  | {
      readonly kind: "number";
      readonly value: number;
      /** "number": a real number (typed or a formula's result); "text": a number stored as text */
      readonly stored: "number" | "text";
      readonly fromFormula: boolean;
      /** shown as a percentage (% number format, or a "%" sign in the text) */
      readonly percent: boolean;
      /** decimals the user sees (from the number format or the text); null when the format does not fix them */
      readonly decimals: number | null;
      /** the original text, for numbers stored as text */
      readonly text?: string;
    }
  /** text that could be read as several numbers ("1,234": 1.234 or 1234) */
  | { readonly kind: "ambiguous"; readonly text: string; readonly candidates: readonly number[] }
  /** other text, NFC and trimmed (flag words like "Có" arrive here; rules match them to codes) */
  | { readonly kind: "text"; readonly text: string }
  /** an Excel error value */
  | { readonly kind: "error"; readonly code: string; readonly fromFormula: boolean };
