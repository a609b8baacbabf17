/**
 * A host-neutral description of the template sheet; built by `layoutPlan` (layout.ts), rendered by each adapter.
 * Positions are structured (0-based); adapters make the A1 text their host wants.
 */
import type { Address, CellRange } from "./address";
import type { CellWrite } from "./cellWrite";

/** Style of a run of cells. Widths are Excel character units; sizes are points. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrap?: boolean;
  /** thin borders on all four sides */
  readonly border?: boolean;
  /** background as "#RRGGBB" */
  readonly fill?: string;
  readonly numberFormat?: string;
  /** indent level for sub-rows */
  readonly indent?: number;
}

/**
 * One cell of the template: a literal (text always stays text), a formula with the result it has in the fresh
 * template (a guarded formula over blank inputs shows ""), or neither for a styled blank cell; its number format
 * comes with its style.
 */
export interface PlanCell extends Omit<CellWrite, "numberFormat" | "cellValue"> {
  readonly cellValue?: string | number;
  /** key into `LayoutPlan.styles` */
  readonly style: string;
}

/** A drop-down list of allowed codes, with its input message. */
export interface PlanValidation {
  /** the cells the list applies to */
  readonly range: CellRange;
  /** allowed values in order ("0", "1") */
  readonly list: readonly string[];
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle: string;
  readonly error: string;
}

export interface LayoutPlan {
  readonly template: string;
  readonly sheetName: string;
  /** column widths in Excel character units, from column A */
  readonly columnWidths: readonly number[];
  /** explicit row heights in points, by 0-based row (others auto) */
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly cells: readonly PlanCell[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** merged ranges */
  readonly merges: readonly CellRange[];
  readonly validations: readonly PlanValidation[];
  /** workbook names for each indicator's value cell: CCHC_I_1_2 -> D12 */
  readonly names: readonly { readonly name: string; readonly cell: Address; readonly indicator: string }[];
  readonly print: {
    readonly paper: "A4";
    readonly orientation: "portrait" | "landscape";
    readonly fitToWidth: true;
    /** rows to repeat on each page, 0-based inclusive (the two header rows) */
    readonly titleRows: { readonly first: number; readonly last: number };
    readonly margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  };
  /** rows above this (0-based count) stay frozen */
  readonly freezeRows: number;
  /** the full used range of the plan */
  readonly range: CellRange;
}
