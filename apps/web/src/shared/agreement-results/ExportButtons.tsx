import type { ExerciseResults } from "@loopwright/schema";
import { downloadText } from "../../lib/download";
import { exportFileName, type ResultsCsvOptions, resultsToCsv, resultsToJson } from "./lib/results-export";
import "./agreement-results.css";
import { buttonClass } from "../../ui/button";

/** Downloads the results shown on the page, built in the browser from the same data. */
export function ExportButtons({
  results,
  title,
  dimensionName,
}: {
  results: ExerciseResults;
  title: string;
} & ResultsCsvOptions) {
  return (
    <div className="export-buttons">
      <button
        type="button"
        className={buttonClass("quiet")}
        onClick={() =>
          downloadText(
            exportFileName(title, "csv"),
            "text/csv;charset=utf-8",
            resultsToCsv(results, { dimensionName }),
          )
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        className={buttonClass("quiet")}
        onClick={() =>
          downloadText(
            exportFileName(title, "json"),
            "application/json;charset=utf-8",
            resultsToJson(results),
          )
        }
      >
        Export JSON
      </button>
    </div>
  );
}
