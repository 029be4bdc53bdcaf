import {
  deletedSchema,
  type PeerFeedbackEntry,
  peerFeedbackEntrySchema,
  peerFeedbackListSchema,
} from "@loopwright/schema";
import { queryOptions } from "@tanstack/react-query";
import { sendJson } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

/**
 * Peer sessions a candidate saved into this practice history (saved from the
 * session's report; read here with the practitioner key like every practice call).
 */
export const peerFeedbackQueries = {
  list: (key: string) =>
    queryOptions({
      queryKey: [...queryKeys.practice.all(key), "peer-feedback"] as const,
      queryFn: async ({ signal }): Promise<PeerFeedbackEntry[]> =>
        (await sendJson("/api/practice/peer-feedback", peerFeedbackListSchema, { bearer: key, signal }))
          .entries,
    }),
  entry: (key: string, id: string) =>
    queryOptions({
      queryKey: [...queryKeys.practice.all(key), "peer-feedback", id] as const,
      queryFn: ({ signal }): Promise<PeerFeedbackEntry> =>
        sendJson(`/api/practice/peer-feedback/${encodeURIComponent(id)}`, peerFeedbackEntrySchema, {
          bearer: key,
          signal,
        }),
    }),
};

export const peerFeedbackApi = {
  /** Removes one saved session from the history; the session itself is untouched. */
  async remove(key: string, id: string): Promise<number> {
    return (
      await sendJson(`/api/practice/peer-feedback/${encodeURIComponent(id)}`, deletedSchema, {
        method: "DELETE",
        bearer: key,
      })
    ).deleted;
  },
};

export const peerSessionPath = (id: string) => `/practice/history/peer/${encodeURIComponent(id)}`;

/** The panel's mean score across interviewers and dimensions; null when nobody scored. */
export function panelMean(entry: PeerFeedbackEntry): number | null {
  const all = entry.interviewers.flatMap((i) => i.scores.map((s) => s.score));
  return all.length === 0 ? null : all.reduce((a, b) => a + b, 0) / all.length;
}
