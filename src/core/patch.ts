/** A value the calculator derives, for an adapter to write: formula plus its computed value, both as the cell holds it and as the indicator means it. */
export interface Patch {
  /** A1 address on the appendix sheet. */
  readonly cell: string;
  readonly indicator: string;
  /** "=ROUND(D12/D11*100,2)"; references are A1 on the same sheet. */
  readonly formula: string;
  /** The indicator's value, as the appendix means it: percent points for a rate (87.23). */
  readonly value: number;
  /** The formula's result in the cell: a fraction where the cell shows percentages (0.8723 in `0.00%`). */
  readonly cellValue: number;
  /** Catalog relation that gives this cell. */
  readonly relation: string;
  /** Number format to give the cell when it is written (e.g. "0.00"). */
  readonly numberFormat?: string;
}
