import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../../lib/memory-storage";
import {
  forgetCredential,
  forgetIssuedLink,
  issuedLinks,
  joinLink,
  listCredentials,
  loadCredential,
  rememberIssuedLink,
  saveCredential,
  tokenFromHash,
} from "./credentials";

const entry = (sessionId: string, expiresAt = "2099-01-01T00:00:00.000Z") => ({
  credential: `cred-${sessionId}-${"x".repeat(30)}`,
  sessionId,
  participant: { id: `p-${sessionId}`, name: "Hana", role: "host" as const },
  expiresAt,
});

describe("stored session credentials", () => {
  it("are kept per session and read back", () => {
    const store = new MemoryStorage();
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
    const store = new MemoryStorage();
    saveCredential(entry("dddd4444", "2001-01-01T00:00:00.000Z"), store);
    expect(loadCredential("dddd4444", Date.now(), store).status).toBe("expired");
    expect(listCredentials(Date.now(), store).some((e) => e.sessionId === "dddd4444")).toBe(false);
  });

  it("ignore a corrupted entry", () => {
    const store = new MemoryStorage();
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

describe("links the host created", () => {
  const link = (participantId: string, n = 1) => ({
    participantId,
    name: `Person ${participantId}`,
    role: "Candidate",
    link: `https://app.example/sessions/join#token=${participantId}-${n}`,
  });

  it("are kept per session in storage, so a reload still has them", () => {
    const store = new MemoryStorage();
    rememberIssuedLink("sess0001", link("cand"), store);
    rememberIssuedLink("sess0001", link("obs"), store);
    rememberIssuedLink("sess0002", link("other"), store);
    expect(issuedLinks("sess0001", store).map((l) => l.participantId)).toEqual(["cand", "obs"]);
    expect(issuedLinks("sess0001", store)[0]?.issuedAt).toMatch(/^\d{4}-/);
    expect(issuedLinks("sess0002", store).map((l) => l.participantId)).toEqual(["other"]);
    expect(issuedLinks("sess0003", store)).toEqual([]);
  });

  it("keep only the newest link of a person once it is re-issued, and forget revoked ones", () => {
    const store = new MemoryStorage();
    rememberIssuedLink("sess0001", link("cand", 1), store);
    rememberIssuedLink("sess0001", link("obs"), store);
    rememberIssuedLink("sess0001", link("cand", 2), store);
    const cand = issuedLinks("sess0001", store).filter((l) => l.participantId === "cand");
    expect(cand.map((l) => l.link)).toEqual(["https://app.example/sessions/join#token=cand-2"]);
    forgetIssuedLink("sess0001", "obs", store);
    expect(issuedLinks("sess0001", store).map((l) => l.participantId)).toEqual(["cand"]);
  });

  it("stay in memory for the page when storage is full, and ignore a corrupted entry", () => {
    const store = new MemoryStorage();
    store.full = true;
    rememberIssuedLink("sess0004", link("cand"), store);
    expect(issuedLinks("sess0004", store).map((l) => l.participantId)).toEqual(["cand"]);
    const other = new MemoryStorage();
    other.setItem("loopwright.peer-session-links.sess0005", "{not json");
    expect(issuedLinks("sess0005", other)).toEqual([]);
    other.setItem(
      "loopwright.peer-session-links.sess0005",
      JSON.stringify([{ participantId: 3 }, link("ok")]),
    );
    expect(issuedLinks("sess0005", other).map((l) => l.participantId)).toEqual(["ok"]);
  });
});
