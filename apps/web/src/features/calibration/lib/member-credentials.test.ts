import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../../../lib/memory-storage";
import {
  forgetMemberCredential,
  listMemberCredentials,
  loadMemberCredential,
  type MemberCredential,
  memberJoinLink,
  saveMemberCredential,
  tokenFromHash,
} from "./member-credentials";

const credential = (
  id: string,
  expiresAt: string,
  createdAt = "2026-01-01T00:00:00.000Z",
): MemberCredential => ({
  credential: `cred-${id}`,
  expiresAt,
  member: { id: `m-${id}`, name: "Maya", role: "admin", createdAt, revoked: false },
  workspace: { id, name: `Workspace ${id}`, createdAt },
});

const NOW = Date.parse("2026-03-01T00:00:00.000Z");

describe("workspace member credentials", () => {
  it("keeps one sign-in per workspace and reads it back", () => {
    const store = new MemoryStorage();
    saveMemberCredential(credential("ws1", "2026-03-02T00:00:00.000Z"), store);
    saveMemberCredential(credential("ws2", "2026-03-02T00:00:00.000Z"), store);
    const loaded = loadMemberCredential("ws1", NOW, store);
    expect(loaded.status).toBe("active");
    expect(loaded.status === "active" && loaded.entry.credential).toBe("cred-ws1");
    expect(loadMemberCredential("nope", NOW, store)).toEqual({ status: "missing" });
  });

  it("reports an expired sign-in as expired, and leaves it out of the list", () => {
    const store = new MemoryStorage();
    saveMemberCredential(credential("old", "2026-02-28T00:00:00.000Z"), store);
    saveMemberCredential(credential("new", "2026-03-05T00:00:00.000Z", "2026-02-01T00:00:00.000Z"), store);
    expect(loadMemberCredential("old", NOW, store).status).toBe("expired");
    expect(listMemberCredentials(NOW, store).map((c) => c.workspace.id)).toEqual(["new"]);
  });

  it("ignores corrupt entries and forgets a signed-out workspace", () => {
    const store = new MemoryStorage();
    store.setItem("loopwright.calibration.member.bad", "{not json");
    store.setItem("loopwright.calibration.member.shape", JSON.stringify({ credential: 1 }));
    expect(loadMemberCredential("bad", NOW, store).status).toBe("missing");
    expect(loadMemberCredential("shape", NOW, store).status).toBe("missing");
    saveMemberCredential(credential("ws1", "2026-03-02T00:00:00.000Z"), store);
    forgetMemberCredential("ws1", store);
    expect(loadMemberCredential("ws1", NOW, store).status).toBe("missing");
  });

  it("keeps working for people signed in under the old storage key, and moves them to the new one", () => {
    const store = new MemoryStorage();
    const old = credential("ws9", "2026-03-02T00:00:00.000Z");
    store.setItem("loopwright.calibration.session.ws9", JSON.stringify(old));
    store.setItem(
      "loopwright.calibration.session.ws8",
      JSON.stringify(credential("ws8", "2026-03-03T00:00:00.000Z")),
    );
    expect(loadMemberCredential("ws9", NOW, store)).toEqual({ status: "active", entry: old });
    expect(store.map.has("loopwright.calibration.session.ws9")).toBe(false);
    expect(JSON.parse(store.map.get("loopwright.calibration.member.ws9") ?? "null")).toEqual(old);
    expect(
      listMemberCredentials(NOW, store)
        .map((c) => c.workspace.id)
        .sort(),
    ).toEqual(["ws8", "ws9"]);
    expect([...store.map.keys()].sort()).toEqual([
      "loopwright.calibration.member.ws8",
      "loopwright.calibration.member.ws9",
    ]);
    forgetMemberCredential("ws9", store);
    expect(loadMemberCredential("ws9", NOW, store).status).toBe("missing");
  });

  it("without storage, keeps the sign-in for this page only", () => {
    expect(saveMemberCredential(credential("ws-mem", "2026-03-02T00:00:00.000Z"), null)).toBe(false);
    expect(loadMemberCredential("ws-mem", NOW, null).status).toBe("active");
    expect(listMemberCredentials(NOW, null).map((c) => c.workspace.id)).toEqual(["ws-mem"]);
    expect(loadMemberCredential("ws-other", NOW, null)).toEqual({ status: "missing" });
    forgetMemberCredential("ws-mem", null);
    expect(listMemberCredentials(NOW, null)).toEqual([]);
  });
});

describe("member join links", () => {
  it("carry the token in the fragment and read it back", () => {
    const link = memberJoinLink("https://loop.example", "abc_DEF-123");
    expect(link).toBe("https://loop.example/calibration/join#token=abc_DEF-123");
    expect(tokenFromHash(new URL(link).hash)).toBe("abc_DEF-123");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#other=1")).toBeNull();
  });
});
