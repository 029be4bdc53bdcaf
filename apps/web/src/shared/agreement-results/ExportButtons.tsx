import type { ExerciseResults } from "@loopwright/schema";
import { downloadText } from "../../lib/download";
import { buttonClass } from "../../ui/button";
import {
  exportFileName,
  type ResultsCsvOptions,
  ratingsToCsv,
  resultsToCsv,
  resultsToJson,
} from "./lib/results-export";
import "./ExportButtons.css";

/** Downloads the results shown on the page, built in the browser from the same data. */
export function ExportButtons({
  results,
  title,
  dimensionName,
}: {
  results: ExerciseResults;
  title: string;
} & ResultsCsvOptions) {
  const ratings = ratingsToCsv(results);
  const exports = [
    {
      label: "Export CSV",
      download: () =>
        downloadText(
          exportFileName(title, "csv"),
          "text/csv;charset=utf-8",
          resultsToCsv(results, { dimensionName }),
        ),
    },
    {
      label: "Export JSON",
      download: () =>
        downloadText(exportFileName(title, "json"), "application/json;charset=utf-8", resultsToJson(results)),
    },
    ...(ratings === null
      ? []
      : [
          {
            label: "Export ratings (CSV)",
            download: () =>
              downloadText(exportFileName(title, "csv", "ratings"), "text/csv;charset=utf-8", ratings),
          },
        ]),
  ];
  return (
    <div className="export-buttons">
      {exports.map((e) => (
        <button key={e.label} type="button" className={buttonClass("quiet")} onClick={e.download}>
          {e.label}
        </button>
      ))}
      {ratings === null ? null : (
        <p className="hint export-buttons__note">
          The ratings file holds the latest round’s scores in the columns the CSV analysis page reads.
        </p>
      )}
    </div>
  );
}
