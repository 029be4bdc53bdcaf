// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import {
  ensurePractitionerKey,
  forgetKey,
  KEY_STORAGE_NAME,
  type KeyStorage,
  keyFromFragment,
  personalLink,
  readStoredKey,
  storeKey,
} from "./identity";

const KEY = "q3Zr_8fX-2mKpL9sVb1TnYw4HcJd6EaGu0oQiRtUxyz";

function memory(): KeyStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (n) => map.get(n) ?? null,
    setItem: (n, v) => void map.set(n, v),
    removeItem: (n) => void map.delete(n),
  };
}

describe("the practitioner key", () => {
  it("puts the key only in the fragment of the personal link, and reads it back", () => {
    const link = personalLink("https://loopwright.example/", KEY);
    expect(link).toBe(`https://loopwright.example/practice/continue#key=${KEY}`);
    const url = new URL(link);
    expect(url.pathname + url.search).not.toContain(KEY);
    expect(keyFromFragment(url.hash)).toBe(KEY);
  });

  it("refuses fragments that carry no plausible key", () => {
    expect(keyFromFragment("")).toBeNull();
    expect(keyFromFragment("#key=")).toBeNull();
    expect(keyFromFragment("#key=short")).toBeNull();
    expect(keyFromFragment("#key=<script>alert(1)</script>aaaaaaaaaaaaaa")).toBeNull();
    expect(keyFromFragment("#other=1")).toBeNull();
  });

  it("stores, reads and forgets the key", () => {
    const storage = memory();
    expect(readStoredKey(storage)).toBeNull();
    storeKey(KEY, storage);
    expect(storage.map.get(KEY_STORAGE_NAME)).toBe(KEY);
    expect(readStoredKey(storage)).toBe(KEY);
    forgetKey(storage);
    expect(readStoredKey(storage)).toBeNull();
    expect(() => storeKey("not a key!", storage)).toThrow();
  });

  it("creates a key once on first use, however many callers ask at the same time", async () => {
    const storage = memory();
    const create = vi.fn(async () => KEY);
    const [a, b] = await Promise.all([
      ensurePractitionerKey(create, storage),
      ensurePractitionerKey(create, storage),
    ]);
    expect(a).toBe(KEY);
    expect(b).toBe(KEY);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await ensurePractitionerKey(create, storage)).toBe(KEY);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("keeps a key another tab stored while this one was asking", async () => {
    const storage = memory();
    const other = "OtherTabKey_abcdefghijklmnopqrstuvwxyz012345";
    const created = await ensurePractitionerKey(async () => {
      storage.setItem(KEY_STORAGE_NAME, other);
      return KEY;
    }, storage);
    expect(created).toBe(other);
    expect(readStoredKey(storage)).toBe(other);
  });

  it("lets a failed creation be retried", async () => {
    const storage = memory();
    await expect(
      ensurePractitionerKey(async () => {
        throw new Error("server down");
      }, storage),
    ).rejects.toThrow("server down");
    expect(await ensurePractitionerKey(async () => KEY, storage)).toBe(KEY);
  });
});
