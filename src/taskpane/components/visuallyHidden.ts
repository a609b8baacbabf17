/** Styles shared by the pane's components: out of sight, still read by screen readers (and still a file input). */
import type { GriffelStyle } from "@fluentui/react-components";

export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};
