import type { RouteObject } from "react-router";
import "./calibration.css";
import { CalibrationHomePage } from "./pages/CalibrationHomePage";
import { ExercisePage } from "./pages/ExercisePage";
import { JoinPage } from "./pages/JoinPage";
import { LoopEditorPage } from "./pages/LoopEditorPage";
import { NewExercisePage } from "./pages/NewExercisePage";
import { WorkspaceDashboard } from "./pages/WorkspaceDashboard";
import { WorkspaceLayout } from "./workspace/WorkspaceLayout";

// The results pages carry the charts (recharts); load them only when someone opens results.
const exerciseResults = async () => ({
  Component: (await import("./pages/ExerciseResultsPage")).ExerciseResultsPage,
});
const loopResults = async () => ({ Component: (await import("./pages/LoopResultsPage")).LoopResultsPage });
const analyze = async () => ({ Component: (await import("./pages/AnalyzePage")).AnalyzePage });

/** Every route of the loop-calibration journey, mounted under the app layout. */
export const calibrationRoutes: RouteObject[] = [
  {
    path: "calibration",
    children: [
      { index: true, element: <CalibrationHomePage /> },
      { path: "join", element: <JoinPage /> },
      { path: "analyze", lazy: analyze },
      {
        path: "w/:workspaceId",
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <WorkspaceDashboard /> },
          { path: "loops/new", element: <LoopEditorPage /> },
          { path: "loops/:loopId", element: <LoopEditorPage /> },
          { path: "loops/:loopId/results", lazy: loopResults },
          { path: "exercises/new", element: <NewExercisePage /> },
          { path: "exercises/:exerciseId", element: <ExercisePage /> },
          { path: "exercises/:exerciseId/results", lazy: exerciseResults },
        ],
      },
    ],
  },
];
