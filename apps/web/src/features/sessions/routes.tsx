import type { RouteObject } from "react-router";
import { JoinSessionPage } from "./pages/JoinSessionPage";
import { SessionRoomPage } from "./pages/SessionRoomPage";
import { SessionsHomePage } from "./pages/SessionsHomePage";
import "./sessions.css";

/** Every route of the peer mock-interview journey, mounted under the app layout. */
export const sessionRoutes: RouteObject[] = [
  { path: "sessions", element: <SessionsHomePage /> },
  { path: "sessions/join", element: <JoinSessionPage /> },
  { path: "sessions/:id", element: <SessionRoomPage /> },
];
