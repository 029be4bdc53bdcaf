import type { TalkingPoint } from "@loopwright/schema";
import { matchTalkingPoints } from "../src/index.js";

export const tp = (id: string, phrases: string[]): TalkingPoint => ({
  id,
  point: `The answer covers ${id}.`,
  phrases,
});

/** [start, end, text] of every match of a single point made of the given phrases. */
export function spans(answer: string, ...phrases: string[]): [number, number, string][] {
  const [point] = matchTalkingPoints(answer, [tp("p", phrases)]).points;
  return (point?.matches ?? []).map((m) => [m.start, m.end, m.text]);
}
