import { describe, expect, it } from "vitest";
import {
  type AnalysisResult,
  analysisWithFlags,
  analyze,
  type FlagThresholds,
  panelFlags,
  raterSubjectMeans,
  referenceOffsets,
  scoreDistributions,
} from "../src/index.js";

/** The API's bars (see @loopwright/schema), which the titles below describe. */
const thresholds: FlagThresholds = { alpha: 0.667, offset: 0.5, split: 2 };

const dimension = (name: string, ordinal: number | null) => ({
  dimension: name,
  raters: 3,
  subjects: 2,
  ratings: 6,
  alpha: { nominal: null, ordinal, interval: null },
  icc: null,
  fleissKappa: null,
  exactAgreement: null,
  adjacentAgreement: null,
});
const rater = (name: string, meanOffset: number | null) => ({
  rater: name,
  ratings: 6,
  meanOffset,
  severity: null,
  severitySE: null,
  infit: null,
  outfit: null,
});

describe("panelFlags", () => {
  const analysis: AnalysisResult = {
    dimensions: [dimension("Structure", 0.5), dimension("Sequencing", 0.667), dimension("Risk", null)],
    raters: [rater("ana", -0.5), rater("ben", 0.49), rater("cy", 0.75)],
  };
  const ratings = [
    { rater: "ana", subject: "A", dimension: "Structure", score: 1 },
    { rater: "ben", subject: "A", dimension: "Structure", score: 3 },
    { rater: "ana", subject: "B", dimension: "Structure", score: 2 },
    { rater: "ben", subject: "B", dimension: "Structure", score: 3 },
  ];
  const flags = panelFlags(
    analysis,
    ratings,
    thresholds,
    (r) => r.toUpperCase(),
    (s) => `Answer ${s}`,
  );

  it("flags dimensions below the alpha bar but not at it, and never an undefined alpha", () => {
    const vague = flags.filter((f) => f.kind === "vague-dimension");
    expect(vague.map((f) => f.kind === "vague-dimension" && f.dimension)).toEqual(["Structure"]);
  });

  it("flags interviewers at least half a point off, with direction", () => {
    const off = flags.filter((f) => f.kind === "rater-offset");
    expect(off).toEqual([
      expect.objectContaining({ rater: "ana", direction: "harsher", offset: -0.5 }),
      expect.objectContaining({ rater: "cy", direction: "more lenient", offset: 0.75 }),
    ]);
    expect(off[0]?.message).toContain("ANA scores 0.50 points below");
  });

  it("flags answers whose scores on a dimension span two points or more", () => {
    const split = flags.filter((f) => f.kind === "split-answer");
    expect(split).toEqual([
      expect.objectContaining({ subject: "A", dimension: "Structure", low: 1, high: 3 }),
    ]);
    expect(split[0]?.message).toContain("Answer A split the panel");
  });
});

describe("raterSubjectMeans", () => {
  it("averages each interviewer's scores on each answer across dimensions", () => {
    const means = raterSubjectMeans([
      { rater: "a", subject: "x", dimension: "d1", score: 1 },
      { rater: "a", subject: "x", dimension: "d2", score: 4 },
      { rater: "b", subject: "x", dimension: "d1", score: 3 },
    ]);
    expect(means).toEqual([
      { rater: "a", subject: "x", mean: 2.5 },
      { rater: "b", subject: "x", mean: 3 },
    ]);
  });
});

describe("scoreDistributions", () => {
  it("counts every score on the scale per dimension, zeros included", () => {
    const d = scoreDistributions(
      [
        { rater: "a", subject: "x", dimension: "d1", score: 2 },
        { rater: "b", subject: "x", dimension: "d1", score: 2 },
        { rater: "c", subject: "x", dimension: "d1", score: 4 },
      ],
      { min: 1, max: 4 },
    );
    expect(d).toEqual([
      {
        dimension: "d1",
        counts: [
          { score: 1, count: 0 },
          { score: 2, count: 2 },
          { score: 3, count: 0 },
          { score: 4, count: 1 },
        ],
      },
    ]);
  });
});

describe("referenceOffsets", () => {
  it("averages score minus reference over the ratings that have one", () => {
    expect(
      referenceOffsets([
        { rater: "a", subject: "x", dimension: "d1", score: 2, reference: 4 },
        { rater: "a", subject: "x", dimension: "d2", score: 3, reference: 3 },
        { rater: "a", subject: "t", dimension: "d1", score: 1 },
        { rater: "b", subject: "x", dimension: "d1", score: 4, reference: 3 },
      ]),
    ).toEqual([
      { rater: "a", ratings: 2, meanOffset: -1 },
      { rater: "b", ratings: 1, meanOffset: 1 },
    ]);
  });
});

describe("analysisWithFlags", () => {
  const scale = { min: 1, max: 4 };
  const ratings = [
    { rater: "a", subject: "x", dimension: "d1", score: 1, reference: 3 },
    { rater: "b", subject: "x", dimension: "d1", score: 4, reference: 3 },
    { rater: "a", subject: "y", dimension: "d1", score: 2 },
    { rater: "b", subject: "y", dimension: "d1", score: 2 },
  ];
  const plain = ratings.map(({ reference: _, ...r }) => r);

  it("is analyze() on the ratings without their references, plus flags and summaries of it", () => {
    const result = analysisWithFlags(ratings, scale, { thresholds });
    const analysis = analyze(plain, scale);
    expect(result).toEqual({
      ...analysis,
      flags: panelFlags(analysis, plain, thresholds),
      heatmap: raterSubjectMeans(plain),
      distributions: scoreDistributions(plain, scale),
      referenceOffsets: [
        { rater: "a", ratings: 1, meanOffset: -2 },
        { rater: "b", ratings: 1, meanOffset: 1 },
      ],
    });
  });

  it("names raters and subjects in flag messages from the maps, leaving unknown ids as they are", () => {
    const { flags } = analysisWithFlags(ratings, scale, {
      thresholds,
      raterNames: new Map([["a", "Ana"]]),
      subjectLabels: new Map([["x", "Answer X"]]),
    });
    const messages = flags.map((f) => f.message);
    expect(messages).toContainEqual(expect.stringContaining("Ana scores"));
    expect(messages).toContainEqual(expect.stringContaining("b scores"));
    expect(messages).toContainEqual(expect.stringContaining("Answer X split the panel on d1"));
  });

  it("uses the thresholds it is given", () => {
    const strict = analysisWithFlags(ratings, scale, { thresholds: { alpha: -1, offset: 99, split: 99 } });
    expect(strict.flags).toEqual([]);
  });
});
