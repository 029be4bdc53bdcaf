// @vitest-environment node
import { describe, expect, it } from "vitest";
import { capabilityLink, credentialStore, tokenFromHash } from "./credential-store";
import { MemoryStorage } from "./memory-storage";

interface Pass {
  id: string;
  expiresAt: string;
  issuedAt: string;
}

const parse = (value: unknown): Pass | null => {
  const v = value as Partial<Pass> | null;
  return v && typeof v.id === "string" && typeof v.expiresAt === "string" && typeof v.issuedAt === "string"
    ? { id: v.id, expiresAt: v.expiresAt, issuedAt: v.issuedAt }
    : null;
};

const passes = () =>
  credentialStore<Pass>({
    prefix: "test.pass.",
    legacyPrefix: "test.old.",
    parse,
    idOf: (p) => p.id,
    expiresAt: (p) => p.expiresAt,
    sortKey: (p) => p.issuedAt,
  });

const NOW = Date.parse("2026-03-01T00:00:00.000Z");
const pass = (id: string, issuedAt: string, expiresAt = "2026-04-01T00:00:00.000Z"): Pass => ({
  id,
  issuedAt,
  expiresAt,
});

describe("the credential store", () => {
  it("stores entries under its prefix and lists the live ones newest first", () => {
    const store = new MemoryStorage();
    const s = passes();
    s.save(pass("a", "2026-01-01"), store);
    s.save(pass("b", "2026-02-01"), store);
    s.save(pass("gone", "2026-02-02", "2026-02-28T00:00:00.000Z"), store);
    store.setItem("unrelated", "{}");
    expect(store.getItem("test.pass.a")).not.toBeNull();
    expect(s.list(NOW, store).map((p) => p.id)).toEqual(["b", "a"]);
    expect(s.load("gone", NOW, store).status).toBe("expired");
  });

  it("does not trust an entry filed under another id", () => {
    const store = new MemoryStorage();
    store.setItem("test.pass.x", JSON.stringify(pass("y", "2026-01-01")));
    expect(passes().load("x", NOW, store)).toEqual({ status: "missing" });
  });

  it("keeps an entry in memory for the page when storage is full", () => {
    const store = new MemoryStorage();
    store.full = true;
    const s = passes();
    expect(s.save(pass("a", "2026-01-01"), store)).toBe(false);
    expect(s.load("a", NOW, store).status).toBe("active");
    expect(s.list(NOW, store).map((p) => p.id)).toEqual(["a"]);
    s.forget("a", store);
    expect(s.load("a", NOW, store).status).toBe("missing");
  });

  it("moves an entry from the legacy prefix on first read", () => {
    const store = new MemoryStorage();
    store.setItem("test.old.a", JSON.stringify(pass("a", "2026-01-01")));
    const s = passes();
    expect(s.load("a", NOW, store).status).toBe("active");
    expect([...store.map.keys()]).toEqual(["test.pass.a"]);
  });
});

describe("capability links", () => {
  it("put the token in the fragment and read it back", () => {
    const link = capabilityLink("https://x.example", "/join", "abc_DEF-123");
    expect(link).toBe("https://x.example/join#token=abc_DEF-123");
    expect(tokenFromHash(new URL(link).hash)).toBe("abc_DEF-123");
    expect(tokenFromHash("#token=%20")).toBeNull();
  });
});
