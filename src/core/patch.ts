/** A value the calculator derives, for an adapter to write: formula plus its computed value. */
export interface Patch {
  /** A1 address on the appendix sheet. */
  readonly cell: string;
  readonly indicator: string;
  /** "=ROUND(D12/D11*100,2)"; references are A1 on the same sheet. */
  readonly formula: string;
  readonly value: number;
  /** Catalog relation that gives this cell. */
  readonly relation: string;
  /** Number format to give the cell when it is written (e.g. "0.00"). */
  readonly numberFormat?: string;
}
