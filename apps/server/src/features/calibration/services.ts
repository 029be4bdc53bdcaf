import type { CalibrationOptions } from "./calibration-part.js";
import { ExerciseService } from "./exercise-service.js";
import { LoopService } from "./loop-service.js";
import { ResultsService } from "./results-service.js";
import { WorkspaceService } from "./workspace-service.js";

export type { CalibrationOptions } from "./calibration-part.js";

/** The calibration feature's services, one per part of the journey. */
export interface CalibrationServices {
  workspaces: WorkspaceService;
  loops: LoopService;
  exercises: ExerciseService;
  results: ResultsService;
}

export function calibrationServices(options: CalibrationOptions): CalibrationServices {
  return {
    workspaces: new WorkspaceService(options),
    loops: new LoopService(options),
    exercises: new ExerciseService(options),
    results: new ResultsService(options),
  };
}
