import type { RouteObject } from "react-router";
import { CalibrationPage } from "../../pages/JourneyPages";

/** Every route of the loop-calibration journey, mounted under the app layout. */
export const calibrationRoutes: RouteObject[] = [{ path: "calibration", element: <CalibrationPage /> }];
