import type { RouteObject } from "react-router";
import { lazyPage } from "../../lib/lazy-route";

/**
 * Every route of the peer mock-interview journey, mounted under the app
 * layout; each page is its own chunk and brings its components’ stylesheets.
 */
export const sessionRoutes: RouteObject[] = [
  {
    path: "sessions",
    lazy: lazyPage(
      () => import("./pages/SessionsHomePage"),
      (m) => m.SessionsHomePage,
    ),
  },
  {
    path: "sessions/join",
    lazy: lazyPage(
      () => import("./pages/JoinSessionPage"),
      (m) => m.JoinSessionPage,
    ),
  },
  {
    path: "sessions/:id",
    lazy: lazyPage(
      () => import("./pages/SessionRoomPage"),
      (m) => m.SessionRoomPage,
    ),
  },
];
