import { describe, expect, it } from "vitest";
import { ConfigError, deprecatedNamesIn, loadConfig } from "../src/config.js";

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

describe("TRUST_PROXY and rate limits", () => {
  it("reads TRUST_PROXY as off, on, a hop count or proxy addresses", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).TRUST_PROXY).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
    ]);
  });

  it("names a TRUST_PROXY it cannot read", () => {
    expect(() => loadConfig({ TRUST_PROXY: "the nginx box" })).toThrow(
      /TRUST_PROXY="the nginx box": TRUST_PROXY must be "true", "false", a number of proxy hops/,
    );
  });

  it("defaults the rate limits and refuses negative ones", () => {
    const config = loadConfig({});
    expect(config.RATE_LIMIT_CREATE_PER_MINUTE).toBe(20);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(3000);
    expect(() => loadConfig({ RATE_LIMIT_CREATE_PER_MINUTE: "-1" })).toThrow(
      /RATE_LIMIT_CREATE_PER_MINUTE must be 0 \(no limit\) or more/,
    );
  });

  it("keeps only the origin of PUBLIC_ORIGIN, so a trailing slash still matches browsers' Origin", () => {
    expect(loadConfig({ PUBLIC_ORIGIN: "https://loopwright.example.com/" }).PUBLIC_ORIGIN).toBe(
      "https://loopwright.example.com",
    );
  });

  it("takes a PostgreSQL DATABASE_URL, and never prints it when it is wrong (it may hold a password)", () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    const url = "postgresql://app:s3cret@db.internal:5432/loopwright";
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url, DATABASE_POOL_SIZE: 10 });
    let message = "";
    try {
      loadConfig({ DATABASE_URL: "mysql://app:s3cret@db.internal/loopwright", DATABASE_POOL_SIZE: "1" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL=(not shown): DATABASE_URL must be a PostgreSQL URL");
    expect(message).toContain('DATABASE_POOL_SIZE="1": DATABASE_POOL_SIZE must be at least 2');
    expect(message).not.toContain("s3cret");
  });
});

describe("CREDENTIAL_TTL_HOURS", () => {
  it("defaults to two weeks and reads the new name", () => {
    expect(loadConfig({}).CREDENTIAL_TTL_HOURS).toBe(336);
    expect(loadConfig({ CREDENTIAL_TTL_HOURS: "12" }).CREDENTIAL_TTL_HOURS).toBe(12);
    expect(deprecatedNamesIn({ CREDENTIAL_TTL_HOURS: "12" })).toEqual([]);
  });

  it("still reads the deprecated SESSION_TTL_HOURS, and says to rename it", () => {
    expect(loadConfig({ SESSION_TTL_HOURS: "48" }).CREDENTIAL_TTL_HOURS).toBe(48);
    expect(deprecatedNamesIn({ SESSION_TTL_HOURS: "48" })).toEqual([
      "SESSION_TTL_HOURS is deprecated; rename it to CREDENTIAL_TTL_HOURS.",
    ]);
  });

  it("prefers the new name when both are set", () => {
    const env = { SESSION_TTL_HOURS: "48", CREDENTIAL_TTL_HOURS: "6" };
    expect(loadConfig(env).CREDENTIAL_TTL_HOURS).toBe(6);
    expect(deprecatedNamesIn(env)).toEqual([
      "SESSION_TTL_HOURS is ignored because CREDENTIAL_TTL_HOURS is set; remove SESSION_TTL_HOURS.",
    ]);
  });

  it("names the variable a bad value came from, old name or new", () => {
    expect(() => loadConfig({ SESSION_TTL_HOURS: "-1" })).toThrow(
      'SESSION_TTL_HOURS="-1": CREDENTIAL_TTL_HOURS must be a positive number of hours (SESSION_TTL_HOURS is the old name of CREDENTIAL_TTL_HOURS)',
    );
    expect(() => loadConfig({ CREDENTIAL_TTL_HOURS: "soon" })).toThrow(/CREDENTIAL_TTL_HOURS="soon": /);
  });
});
