/** Piscina's entry point: one analysis per call, on a worker thread (see analysis-pool.ts). */
import { type AnalysisTask, runAnalysisTask, type TaskOutcome } from "./analysis-task.js";

export default function analysisWorker(task: AnalysisTask): TaskOutcome {
  return runAnalysisTask(task);
}
