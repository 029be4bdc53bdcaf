import type { BenchSuite } from "../harness.js";
import { suite as analysis } from "./analysis.js";
import { suite as durableWrites } from "./durable-writes.js";
import { suite as fanout } from "./fanout.js";
import { suite as http } from "./http.js";
import { suite as startup } from "./startup.js";
import { suite as web } from "./web.js";

/** In the order the table prints them. */
export const suites: BenchSuite[] = [http, fanout, analysis, durableWrites, startup, web];
