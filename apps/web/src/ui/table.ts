import "./table.css";

/**
 * The class names of the app's data table: plain <table> markup keeps its native semantics
 * (captions, scope, row headers), so these are names rather than components.
 */
export const tableClasses = {
  /** The scroll container a wide table sits in, so only the table scrolls on a phone. */
  scroll: "ui-table-scroll",
  table: "ui-table",
  /** Dense numeric tables of statistics. */
  stats: "ui-table ui-table--stats",
  caption: "ui-table__caption",
  /** A right-aligned, tabular-figure cell. */
  number: "ui-num",
  /** The number a row is about, set bold. */
  keyNumber: "ui-num ui-num--key",
} as const;
