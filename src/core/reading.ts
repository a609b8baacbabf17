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
      /** the words typed after the number ("phiếu" in "29 phiếu"), for a count typed with its unit */
      readonly words?: string;
    }
  /** text that could be read as several numbers ("1,234": 1.234 or 1234) */
  | { readonly kind: "ambiguous"; readonly text: string; readonly candidates: readonly number[] }
  /**
   * A number Excel shows as a date or a time: "12/12" or "1/2" typed where a number belongs became a date (45638).
   * `text` is the day as the clerk typed it ("12/12", "1/2", "12/12/2024" when the format shows the year, "1:30" for a
   * time); `serial` is what the cell holds. Never a number to the rules.
   */
  | { readonly kind: "date"; readonly serial: number; readonly text: string; readonly fromFormula: boolean }
  /** TRUE or FALSE: a checkbox's cell, a boolean typed or computed. The rules decide what it stands for. */
  | { readonly kind: "boolean"; readonly value: boolean; readonly fromFormula: boolean }
  /**
   * A formula whose result was never saved (the file was written by a program and not opened and saved in Excel):
   * what it holds is unknown, which is not the same as blank.
   */
  | { readonly kind: "uncomputed"; readonly formula: string }
  /** other text, NFC and trimmed (flag words like "Có" arrive here; rules match them to codes) */
  | { readonly kind: "text"; readonly text: string }
  /** an Excel error value */
  | { readonly kind: "error"; readonly code: string; readonly fromFormula: boolean };
