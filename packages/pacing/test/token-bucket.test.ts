import { describe, expect, it } from "vitest";
import { TokenBucket } from "../src/index.js";

describe("TokenBucket", () => {
  it("allows a burst, then one message per refill interval", () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.waitMs(0)).toBe(100);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
  });

  it("sustains exactly its rate: 20 a second with a burst of 40 lets 60 through in the first second", () => {
    const bucket = new TokenBucket(20, 40, 1_000);
    let passed = 0;
    for (let t = 1_000; t < 2_000; t += 5) if (bucket.take(t)) passed += 1;
    // 40 at once, then one per 50 ms: at 1050, 1100, … 1950.
    expect(passed).toBe(40 + 19);
  });

  it("never holds more than its burst, however long it sat idle", () => {
    const bucket = new TokenBucket(20, 2, 0);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.take(0)).toBe(true);
    const later = 3_600_000;
    expect([bucket.take(later), bucket.take(later), bucket.take(later)]).toEqual([true, true, false]);
  });

  it("refills nothing, and loses nothing, when the clock steps back", () => {
    const bucket = new TokenBucket(10, 1, 10_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.waitMs(5_000)).toBe(100);
    expect(bucket.take(5_100)).toBe(true);
  });
});
