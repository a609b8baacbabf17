/**
 * The shape of the form messages in one language (forms.vi.ts, forms.en.ts fill it; the typed table makes the
 * compiler hold every problem code in both). Apart from forms.ts, so the tables do not import the file that imports them.
 */
import type { IndicatorKind } from "../catalog/model";
import type { FormCurrencyWarning } from "../forms/currency";
import type { Undecided } from "../forms/draft";
import type { FormFacts } from "../forms/model";
import type { FormProblem, FormProblemCode } from "../forms/problems";

/** One sentence per problem code, typed by the problem's own values (the compiler holds the two languages' parity). */
export type FormProblemTexts = { readonly [C in FormProblemCode]: (p: Extract<FormProblem, { code: C }>, place: string) => string };

/** What a language says about forms. */
export interface FormMessages {
  readonly problems: FormProblemTexts;
  /** "Trang Quan hệ, dòng 14, cột “Chỉ tiêu đầu vào”: " */
  place(sheet: string, row: number | undefined, column: string | undefined): string;
  path(path: string): string;
  kind(kind: IndicatorKind): string;
  level(level: FormFacts["level"]): string;
  status(status: FormFacts["status"]): string;
  /** Why a form may not fit the report it checks, one sentence each. */
  readonly currency: { readonly [C in FormCurrencyWarning["code"]]: (w: Extract<FormCurrencyWarning, { code: C }>, facts: FormFacts) => string };
  /** What `form import` could not decide, one sentence each. */
  readonly undecided: { readonly [C in Undecided["code"]]: (u: Extract<Undecided, { code: C }>) => string };
  /** "Thống kê … (Sóc Trăng, sở, ngành; phiên bản 2022)" */
  describe(facts: FormFacts): string;
}
