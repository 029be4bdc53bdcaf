import type { CalibrationSession } from "@loopwright/schema";
import { describe, expect, it } from "vitest";
import {
  clearSession,
  joinLink,
  type KeyValueStore,
  listSessions,
  loadSession,
  saveSession,
  tokenFromHash,
} from "./session-store";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const session = (
  id: string,
  expiresAt: string,
  createdAt = "2026-01-01T00:00:00.000Z",
): CalibrationSession => ({
  credential: `cred-${id}`,
  expiresAt,
  member: { id: `m-${id}`, name: "Maya", role: "admin", createdAt, revoked: false },
  workspace: { id, name: `Workspace ${id}`, createdAt },
});

const NOW = Date.parse("2026-03-01T00:00:00.000Z");

describe("the calibration session store", () => {
  it("keeps one session per workspace and reads it back", () => {
    const store = memoryStore();
    saveSession(session("ws1", "2026-03-02T00:00:00.000Z"), store);
    saveSession(session("ws2", "2026-03-02T00:00:00.000Z"), store);
    const loaded = loadSession("ws1", NOW, store);
    expect(loaded.status).toBe("active");
    expect(loaded.status === "active" && loaded.session.credential).toBe("cred-ws1");
    expect(loadSession("nope", NOW, store)).toEqual({ status: "missing" });
  });

  it("reports an expired session as expired, and leaves it out of the list", () => {
    const store = memoryStore();
    saveSession(session("old", "2026-02-28T00:00:00.000Z"), store);
    saveSession(session("new", "2026-03-05T00:00:00.000Z", "2026-02-01T00:00:00.000Z"), store);
    expect(loadSession("old", NOW, store).status).toBe("expired");
    expect(listSessions(NOW, store).map((s) => s.workspace.id)).toEqual(["new"]);
  });

  it("ignores corrupt entries and forgets a cleared session", () => {
    const store = memoryStore();
    store.setItem("loopwright.calibration.session.bad", "{not json");
    store.setItem("loopwright.calibration.session.shape", JSON.stringify({ credential: 1 }));
    expect(loadSession("bad", NOW, store).status).toBe("missing");
    expect(loadSession("shape", NOW, store).status).toBe("missing");
    saveSession(session("ws1", "2026-03-02T00:00:00.000Z"), store);
    clearSession("ws1", store);
    expect(loadSession("ws1", NOW, store).status).toBe("missing");
  });

  it("works without storage at all", () => {
    expect(saveSession(session("ws1", "2026-03-02T00:00:00.000Z"), null)).toBe(false);
    expect(loadSession("ws1", NOW, null)).toEqual({ status: "missing" });
    expect(listSessions(NOW, null)).toEqual([]);
  });
});

describe("join links", () => {
  it("carry the token in the fragment and read it back", () => {
    const link = joinLink("https://loop.example", "abc_DEF-123");
    expect(link).toBe("https://loop.example/calibration/join#token=abc_DEF-123");
    expect(tokenFromHash(new URL(link).hash)).toBe("abc_DEF-123");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#other=1")).toBeNull();
  });
});
