import {
  type CsvColumnMapping,
  type CsvColumnsPreview,
  RATING_COLUMN_LABELS,
  RATING_COLUMNS,
  type RatingColumn,
} from "@loopwright/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../../../../ui/Alert";
import { buttonClass } from "../../../../ui/button";
import { cardProps } from "../../../../ui/card";
import { Field } from "../../../../ui/Field";
import { ScrollRegion } from "../../../../ui/ScrollRegion";
import { tableClasses } from "../../../../ui/table";
import { mappingErrors } from "../../lib/column-mapping";
import "./ColumnMapping.css";

type Choice = Record<RatingColumn, string>;

const DELIMITER_NAMES: Record<CsvColumnsPreview["delimiter"], string> = {
  ",": "commas",
  ";": "semicolons",
  "\t": "tabs",
};

/**
 * The step between choosing a file and its analysis when the header does not name rater,
 * subject, dimension and score: each column the analysis needs, a choice of the file's
 * headers (the server's best guess first), and the file's first rows to check against.
 */
export function ColumnMapping({
  preview,
  source,
  busy,
  error,
  onAnalyse,
}: {
  preview: CsvColumnsPreview;
  /** What the file is called, for the heading ("ats-export.csv", "the pasted CSV"). */
  source: string;
  busy: boolean;
  /** The server's refusal of the mapped file (a bad line, an off-scale score), shown here. */
  error: string | null;
  onAnalyse: (mapping: CsvColumnMapping) => void;
}) {
  const [choice, setChoice] = useState<Choice>(() => ({
    rater: preview.guess.rater ?? "",
    subject: preview.guess.subject ?? "",
    dimension: preview.guess.dimension ?? "",
    score: preview.guess.score ?? "",
  }));
  const [errors, setErrors] = useState<Partial<Record<RatingColumn, string>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const selects = useRef<Partial<Record<RatingColumn, HTMLSelectElement | null>>>({});

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const guessed = RATING_COLUMNS.filter((c) => preview.guess[c] !== null).length;
  const roleOf = (header: string) => RATING_COLUMNS.filter((c) => choice[c] === header);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = mappingErrors(choice);
    setErrors(found);
    const first = RATING_COLUMNS.find((c) => found[c]);
    if (first) {
      selects.current[first]?.focus();
      return;
    }
    onAnalyse(choice);
  };

  const errorCount = Object.keys(errors).length;
  return (
    <section
      {...cardProps({ className: "column-mapping" })}
      aria-labelledby="mapping-title"
      data-testid="column-mapping"
    >
      <h2 id="mapping-title" className="cal-card__title column-mapping__title" tabIndex={-1} ref={heading}>
        Which column is which?
      </h2>
      <p className="cal-card__lede">
        The header of {source} does not name every column the analysis needs, so say which of its columns
        holds each. {guessed > 0 ? `${guessed} of 4 are guessed from the header; check them. ` : ""}
        Fields are separated by {DELIMITER_NAMES[preview.delimiter]}.
      </p>

      <form className="column-mapping__form" onSubmit={submit} noValidate>
        {errorCount > 0 ? (
          <Alert tone="error" testId="mapping-error">
            {errorCount === 1
              ? "One column needs attention before the analysis can run."
              : `${errorCount} columns need attention before the analysis can run.`}
          </Alert>
        ) : null}
        <div className="column-mapping__fields">
          {RATING_COLUMNS.map((column) => (
            <Field
              key={column}
              label={RATING_COLUMN_LABELS[column].label}
              hint={RATING_COLUMN_LABELS[column].hint}
              error={errors[column]}
            >
              {(control) => (
                <div className="select">
                  <select
                    {...control}
                    ref={(el) => {
                      selects.current[column] = el;
                    }}
                    value={choice[column]}
                    onChange={(e) => {
                      const next = { ...choice, [column]: e.target.value };
                      setChoice(next);
                      // Only errors already shown are re-judged, so none appears while choosing.
                      if (errorCount > 0) setErrors(mappingErrors(next));
                    }}
                  >
                    <option value="">Choose a column…</option>
                    {preview.headers.map((header, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat; its position is its identity
                      <option key={i} value={header}>
                        {header || `(column ${i + 1}, no header)`}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          ))}
        </div>

        <h3 className="column-mapping__subtitle">
          The first {preview.rows.length === 1 ? "row" : `${preview.rows.length} rows`} of the file
        </h3>
        <ScrollRegion label="The file's first rows" className={tableClasses.scroll}>
          <table className={`${tableClasses.table} column-mapping__preview`} data-testid="mapping-preview">
            <caption className="visually-hidden">
              The header and first rows of the file, with each column's use
            </caption>
            <thead>
              <tr>
                {preview.headers.map((header, i) => {
                  const roles = roleOf(header);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
                    <th key={i} scope="col" className={roles.length > 0 ? "column-mapping__used" : undefined}>
                      <span className="column-mapping__header">{header || `Column ${i + 1}`}</span>
                      <span className="column-mapping__role">
                        {roles.length > 0
                          ? roles.map((r) => RATING_COLUMN_LABELS[r].label).join(" and ")
                          : "Not used"}
                      </span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are positions
                <tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>

        {error ? (
          <Alert tone="error" testId="csv-error">
            <strong className="column-mapping__error-title">The CSV could not be analysed</strong>
            {error}
          </Alert>
        ) : null}
        <p className="cal-actions">
          <button type="submit" className={buttonClass("primary")} disabled={busy} aria-busy={busy}>
            {busy ? "Analysing…" : "Analyse with these columns"}
          </button>
        </p>
      </form>
    </section>
  );
}
