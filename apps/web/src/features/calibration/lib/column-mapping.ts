import { RATING_COLUMN_LABELS, RATING_COLUMNS, type RatingColumn } from "@loopwright/schema";

/** The header chosen for each column; "" where none is chosen yet. */
export type ColumnChoice = Record<RatingColumn, string>;

/**
 * What stops a mapping from being analysed, per column: nothing chosen, or a header also
 * chosen for another column (each of the file's columns can hold only one of them). The
 * server refuses the same, so this only saves a round trip and says it next to the field.
 */
export function mappingErrors(choice: ColumnChoice): Partial<Record<RatingColumn, string>> {
  const errors: Partial<Record<RatingColumn, string>> = {};
  for (const column of RATING_COLUMNS) {
    const header = choice[column];
    const label = RATING_COLUMN_LABELS[column].label.toLowerCase();
    if (header === "") {
      errors[column] = `Choose the column that holds the ${label}.`;
      continue;
    }
    const others = RATING_COLUMNS.filter(
      (c) => c !== column && choice[c].trim().toLowerCase() === header.trim().toLowerCase(),
    );
    if (others.length > 0) {
      const names = others.map((c) => RATING_COLUMN_LABELS[c].label.toLowerCase()).join(" and ");
      errors[column] = `'${header}' is also chosen for the ${names}; each column can be used once.`;
    }
  }
  return errors;
}
