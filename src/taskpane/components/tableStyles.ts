/** The look the pane's read-only tables share (appendix preview, consolidation status): a scrolling framed box. */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** The framed box the table scrolls in. */
export const tableScroll: GriffelStyle = {
  overflow: "auto",
  maxHeight: "420px",
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
};

/** The table itself, fixed layout in small type; `minWidth` keeps it readable at 320 px. */
export function tableBody(minWidth: string): GriffelStyle {
  return {
    borderCollapse: "collapse",
    width: "100%",
    minWidth,
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  };
}

export const tableCaption: GriffelStyle = { textAlign: "start", padding: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 };

/** Header cells stay in view while the body scrolls. */
export const tableHeaderCell: GriffelStyle = {
  position: "sticky",
  top: 0,
  textAlign: "start",
  padding: tokens.spacingHorizontalXS,
  backgroundColor: tokens.colorNeutralBackground3,
  fontWeight: tokens.fontWeightSemibold,
};

export const tableCell: GriffelStyle = {
  padding: tokens.spacingHorizontalXS,
  verticalAlign: "top",
  borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
};
