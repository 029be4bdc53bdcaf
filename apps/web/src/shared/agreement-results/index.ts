/** The agreement results, as calibration (exercises, loops, CSV analysis) and a peer session's panel show them. */
export { ExportButtons } from "./ExportButtons";
export { analysisAsResults } from "./lib/results-export";
export { ResultsSection } from "./ResultsSection";
export { ResultsView } from "./ResultsView";
