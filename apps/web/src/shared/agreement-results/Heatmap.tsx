import type { AnalysisWithFlags, Scale } from "@loopwright/schema";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { Tooltip } from "../../ui/Tooltip";
import { ChartFigure } from "./ChartFigure";
import type { NameOf } from "./lib/chart-data";
import { formatStat } from "./lib/format-stats";
import { heatColour, heatmapGrid, legendStops } from "./lib/heatmap";
import "./Heatmap.css";

/** Interviewer × answer table of mean scores, coloured on the scale, with the number in every cell. */
export function Heatmap({
  heatmap,
  raterOrder,
  subjectOrder,
  nameOf,
  labelOf,
  scale,
}: {
  heatmap: AnalysisWithFlags["heatmap"];
  raterOrder: readonly string[];
  subjectOrder: readonly string[];
  nameOf: NameOf;
  labelOf: (subject: string) => string;
  scale: Scale;
}) {
  const grid = heatmapGrid(heatmap, raterOrder, subjectOrder);
  const stops = legendStops(scale);
  return (
    <ChartFigure
      className="heatmap"
      title="Mean score per interviewer and answer"
      sub="Each cell is the interviewer’s mean score for the answer across its rubric dimensions. Read down a column to see an answer split the panel; read along a row to see one interviewer’s bar."
    >
      <div
        className="heatmap__legend"
        aria-label={`Colour scale from ${scale.min} to ${scale.max}`}
        role="img"
      >
        <span className="heatmap__legend-label">Lower</span>
        {stops.map((s) => (
          <span
            key={s.value}
            className="heatmap__swatch"
            style={{ background: s.colour.background, color: s.colour.foreground }}
          >
            {s.value}
          </span>
        ))}
        <span className="heatmap__legend-label">Higher</span>
      </div>
      <ScrollRegion className="heatmap__scroll" label="Interviewer by answer mean scores">
        <table className="heatmap__table" data-testid="heatmap">
          <thead>
            <tr>
              <th scope="col" className="heatmap__corner">
                Interviewer
              </th>
              {grid.subjects.map((s) => (
                <th key={s} scope="col" className="heatmap__col">
                  {/* The label is clamped to three lines; the whole of it shows on hover, focus or press. */}
                  <Tooltip content={labelOf(s)} toggleOnClick>
                    <button type="button" className="heatmap__col-label">
                      {labelOf(s)}
                    </button>
                  </Tooltip>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.raters.map((r, ri) => (
              <tr key={r}>
                <th scope="row" className="heatmap__row">
                  {nameOf(r)}
                </th>
                {grid.subjects.map((s, si) => {
                  const value = grid.cells[ri]?.[si] ?? null;
                  if (value === null) {
                    return (
                      <td key={s} className="heatmap__cell heatmap__cell--empty">
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">not scored</span>
                      </td>
                    );
                  }
                  const colour = heatColour(value, scale);
                  return (
                    <td
                      key={s}
                      className="heatmap__cell"
                      data-testid="heatmap-cell"
                      style={{ background: colour.background, color: colour.foreground }}
                    >
                      {formatStat(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </ChartFigure>
  );
}
