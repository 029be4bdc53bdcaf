import type { RouteObject } from "react-router";
import { AttemptPage } from "./pages/AttemptPage";
import { ContinuePage } from "./pages/ContinuePage";
import { HistoryPage } from "./pages/HistoryPage";
import { PracticeHomePage } from "./pages/PracticeHomePage";

/** Every route of the solo practice journey, mounted under the app layout. */
export const practiceRoutes: RouteObject[] = [
  { path: "practice", element: <PracticeHomePage /> },
  { path: "practice/history", element: <HistoryPage /> },
  { path: "practice/continue", element: <ContinuePage /> },
  { path: "practice/attempts/:id", element: <AttemptPage /> },
];
