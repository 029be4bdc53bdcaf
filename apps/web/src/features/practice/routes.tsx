import type { RouteObject } from "react-router";
import { PracticePage } from "../../pages/JourneyPages";

/** Every route of the solo practice journey, mounted under the app layout. */
export const practiceRoutes: RouteObject[] = [{ path: "practice", element: <PracticePage /> }];
