/** Shared compact layout styles for the pane's views (Fluent tokens only, so light and dark themes both work). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useViewStyles = makeStyles({
  view: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  grid2: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    "& > *": { minWidth: 0 },
    "& .fui-Select, & .fui-Input": { width: "100%", minWidth: 0 },
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  table: {
    tableLayout: "auto",
    minWidth: "540px",
    "& th, & td": { verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS },
  },
  /** A table that fits the pane: full width, cells wrap (names anywhere, Chinese between words). */
  fitTable: {
    tableLayout: "auto",
    width: "100%",
    "& th, & td": {
      verticalAlign: "top",
      paddingBlock: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalXXS,
      overflowWrap: "anywhere",
    },
    "& th": { wordBreak: "keep-all" },
  },
  scrollX: {
    overflowX: "auto",
    maxWidth: "100%",
  },
  numeric: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
  },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
  reasons: {
    marginBlock: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  /** The date field's calendar icon follows the theme (dark: a light icon), see the pane root's color-scheme. */
  dateInput: {
    "& input": { colorScheme: "inherit" },
  },
});
