import type { RouteObject } from "react-router";
import { lazyPage } from "../../lib/lazy-route";

/** Every route of the solo practice journey, mounted under the app layout; each page is its own chunk. */
export const practiceRoutes: RouteObject[] = [
  {
    path: "practice",
    lazy: lazyPage(
      () => import("./pages/PracticeHomePage"),
      (m) => m.PracticeHomePage,
    ),
  },
  {
    path: "practice/history",
    lazy: lazyPage(
      () => import("./pages/HistoryPage"),
      (m) => m.HistoryPage,
    ),
  },
  {
    path: "practice/history/peer/:id",
    lazy: lazyPage(
      () => import("./pages/PeerSessionPage"),
      (m) => m.PeerSessionPage,
    ),
  },
  {
    path: "practice/continue",
    lazy: lazyPage(
      () => import("./pages/ContinuePage"),
      (m) => m.ContinuePage,
    ),
  },
  {
    path: "practice/attempts/:id",
    lazy: lazyPage(
      () => import("./pages/AttemptPage"),
      (m) => m.AttemptPage,
    ),
  },
];
