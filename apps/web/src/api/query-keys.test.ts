// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createQueryClient } from "./query-client";
import { queryKeys } from "./query-keys";

/** Which of these keys a write's invalidation marks stale, in a real cache. */
function invalidatedBy(prefix: readonly unknown[], keys: (readonly unknown[])[]) {
  const client = createQueryClient();
  for (const key of keys) client.setQueryData(key, "cached");
  void client.invalidateQueries({ queryKey: prefix });
  return keys.filter((key) => client.getQueryState(key)?.isInvalidated);
}

describe("query keys", () => {
  const ws = queryKeys.workspace("w1", "credential-a");

  it("refresh an exercise's results with the exercise, and nothing of another exercise", () => {
    const other = ws.exercise("e2");
    expect(
      invalidatedBy(ws.exercise("e1"), [ws.exercise("e1"), ws.exerciseResults("e1"), other, ws.view]),
    ).toEqual([ws.exercise("e1"), ws.exerciseResults("e1")]);
  });

  it("keep one sign-in's answers apart from another's in the same workspace", () => {
    const someoneElse = queryKeys.workspace("w1", "credential-b");
    expect(invalidatedBy(ws.all, [ws.view, someoneElse.view])).toEqual([ws.view]);
  });

  it("give one practitioner's deletions reach over their list and their attempts only", () => {
    const mine = queryKeys.practice;
    expect(
      invalidatedBy(mine.all("k1"), [mine.attempts("k1"), mine.attempt("k1", "a1"), mine.attempts("k2")]),
    ).toEqual([mine.attempts("k1"), mine.attempt("k1", "a1")]);
  });

  it("share one bank list entry however an absent filter was left out", () => {
    expect(queryKeys.bank.list({ q: "" })).toEqual(queryKeys.bank.list());
    expect(queryKeys.bank.list({ competency: undefined, level: undefined })).toEqual(queryKeys.bank.list({}));
    expect(queryKeys.bank.list({ q: "reorg" })).not.toEqual(queryKeys.bank.list());
  });

  it("let a change of the room's roster ask for participants again, and one invalidation cover every roster", () => {
    const now = queryKeys.session.participants("s1", "c1", "p1,p2");
    const before = queryKeys.session.participants("s1", "c1", "p1");
    expect(now).not.toEqual(before);
    expect(invalidatedBy(queryKeys.session.participants("s1", "c1"), [now, before])).toEqual([now, before]);
  });
});
