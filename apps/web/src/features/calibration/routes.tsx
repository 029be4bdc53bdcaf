import type { RouteObject } from "react-router";
import { lazyPage } from "../../lib/lazy-route";
import "./calibration-base.css";

/**
 * Every route of the loop-calibration journey, mounted under the app layout.
 * Each page is its own chunk; the results pages carry the charts (recharts), so
 * that library is fetched only when someone opens results. Each component
 * brings its own stylesheet; calibration-base.css holds the few pieces most
 * pages share (cards, action rows, sections).
 */
export const calibrationRoutes: RouteObject[] = [
  {
    path: "calibration",
    children: [
      {
        index: true,
        lazy: lazyPage(
          () => import("./pages/CalibrationHomePage"),
          (m) => m.CalibrationHomePage,
        ),
      },
      {
        path: "join",
        lazy: lazyPage(
          () => import("./pages/JoinPage"),
          (m) => m.JoinPage,
        ),
      },
      {
        path: "analyze",
        lazy: lazyPage(
          () => import("./pages/AnalyzePage"),
          (m) => m.AnalyzePage,
        ),
      },
      {
        path: "w/:workspaceId",
        lazy: lazyPage(
          () => import("./workspace/WorkspaceLayout"),
          (m) => m.WorkspaceLayout,
        ),
        children: [
          {
            index: true,
            lazy: lazyPage(
              () => import("./pages/WorkspaceDashboard"),
              (m) => m.WorkspaceDashboard,
            ),
          },
          {
            path: "loops/new",
            lazy: lazyPage(
              () => import("./pages/LoopEditorPage"),
              (m) => m.LoopEditorPage,
            ),
          },
          {
            path: "loops/:loopId",
            lazy: lazyPage(
              () => import("./pages/LoopEditorPage"),
              (m) => m.LoopEditorPage,
            ),
          },
          {
            path: "loops/:loopId/results",
            lazy: lazyPage(
              () => import("./pages/LoopResultsPage"),
              (m) => m.LoopResultsPage,
            ),
          },
          {
            path: "exercises/new",
            lazy: lazyPage(
              () => import("./pages/NewExercisePage"),
              (m) => m.NewExercisePage,
            ),
          },
          {
            path: "exercises/:exerciseId",
            lazy: lazyPage(
              () => import("./pages/ExercisePage"),
              (m) => m.ExercisePage,
            ),
          },
          {
            path: "exercises/:exerciseId/results",
            lazy: lazyPage(
              () => import("./pages/ExerciseResultsPage"),
              (m) => m.ExerciseResultsPage,
            ),
          },
        ],
      },
    ],
  },
];
