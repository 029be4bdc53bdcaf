import { describe, expect, it } from "vitest";
import {
  forgetCredential,
  joinLink,
  type KeyValueStore,
  listCredentials,
  loadCredential,
  saveCredential,
  tokenFromHash,
} from "./credentials";

class MemoryStore implements KeyValueStore {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const entry = (sessionId: string, expiresAt = "2099-01-01T00:00:00.000Z") => ({
  credential: `cred-${sessionId}-${"x".repeat(30)}`,
  sessionId,
  participant: { id: `p-${sessionId}`, name: "Hana", role: "host" as const },
  expiresAt,
});

describe("stored session credentials", () => {
  it("are kept per session and read back", () => {
    const store = new MemoryStore();
    saveCredential(entry("aaaa1111"), store);
    saveCredential(entry("bbbb2222"), store);
    const found = loadCredential("aaaa1111", Date.now(), store);
    expect(found).toMatchObject({ status: "active", entry: { participant: { name: "Hana" } } });
    expect(loadCredential("cccc3333", Date.now(), store).status).toBe("missing");
    expect(
      listCredentials(Date.now(), store)
        .map((e) => e.sessionId)
        .sort(),
    ).toEqual(["aaaa1111", "bbbb2222"]);
    forgetCredential("aaaa1111", store);
    expect(loadCredential("aaaa1111", Date.now(), store).status).toBe("missing");
  });

  it("report an expired credential as expired and leave it out of the list", () => {
    const store = new MemoryStore();
    saveCredential(entry("dddd4444", "2001-01-01T00:00:00.000Z"), store);
    expect(loadCredential("dddd4444", Date.now(), store).status).toBe("expired");
    expect(listCredentials(Date.now(), store).some((e) => e.sessionId === "dddd4444")).toBe(false);
  });

  it("ignore a corrupted entry", () => {
    const store = new MemoryStore();
    store.setItem("loopwright.peer-session.eeee5555", "{not json");
    expect(loadCredential("eeee5555", Date.now(), store).status).toBe("missing");
  });
});

describe("session links", () => {
  it("carry the secret in the fragment and read it back", () => {
    const link = joinLink("https://loopwright.example", "abc_DEF-123");
    expect(link).toBe("https://loopwright.example/sessions/join#token=abc_DEF-123");
    expect(tokenFromHash(new URL(link).hash)).toBe("abc_DEF-123");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#token=")).toBeNull();
  });
});
