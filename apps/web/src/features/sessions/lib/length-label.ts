/** What a Length choice means, in words: "As written" for the question's own timings. */
export function lengthLabel(scale: number): string {
  const named: Record<number, string> = {
    0.25: "A quarter of the length",
    0.5: "Half the length",
    0.75: "Three quarters of the length",
    1: "As written",
    1.5: "One and a half times as long",
    2: "Twice as long",
    3: "Three times as long",
  };
  return named[scale] ?? `${scale.toLocaleString("en")} times as long`;
}
