import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("defaults to port 3000 with SQLite data under the repository", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toMatch(/data$/);
  });

  it("names every bad variable and its value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    const read = () => loadConfig({ PORT: "70000", LOG_LEVEL: "loud" });
    expect(read).toThrow(/PORT="70000": PORT must be between 0 and 65535/);
    expect(read).toThrow(/LOG_LEVEL="loud": LOG_LEVEL must be one of/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "" }).PORT).toBe(3000);
  });
});
