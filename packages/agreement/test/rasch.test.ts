import { describe, expect, it } from "vitest";
import { AgreementError, type FacetMeasure, manyFacetRasch, type Rating } from "../src/index.js";
import { mulberry32, nonFinitePaths, normal, simulateRatings, spearman, tinyPanel } from "./helpers.js";

const scale = { min: 1, max: 4 };
const THRESHOLDS = [-1.5, 0, 1.5];

/** 20 raters × 60 answers × 4 dimensions drawn from the rating-scale model. */
function simulation(seed = 2024) {
  const gauss = normal(mulberry32(seed));
  const severities = Array.from({ length: 20 }, () => Math.max(-1.2, Math.min(1.2, 0.6 * gauss())));
  severities[0] = 1.8; // a known harsh rater
  severities[1] = -1.8; // a known lenient rater
  const abilities = Array.from({ length: 60 }, () => gauss());
  const difficulties = [-0.4, -0.1, 0.2, 0.3];
  const ratings = simulateRatings({
    seed,
    abilities,
    severities,
    difficulties,
    thresholds: THRESHOLDS,
    min: 1,
  });
  return { severities, abilities, difficulties, ratings };
}

/** r2 always exactly one point above r1 on 6 answers × 2 dimensions: no finite JML estimates. */
function guttman(): Rating[] {
  const ratings: Rating[] = [];
  for (let n = 0; n < 6; n++) {
    for (const dimension of ["x", "y"]) {
      ratings.push({ rater: "r1", subject: `s${n}`, dimension, score: 1 + (n % 3) });
      ratings.push({ rater: "r2", subject: `s${n}`, dimension, score: 2 + (n % 3) });
    }
  }
  return ratings;
}

const measureOf = (m: FacetMeasure | undefined): number => {
  expect(m?.measure).toEqual(expect.any(Number));
  return m?.measure as number;
};

/** Expected category (0..m) at θ under thresholds F, computed independently of the package. */
function expectedCategory(theta: number, thresholds: readonly number[]): number {
  const logits = [0];
  for (const f of thresholds) logits.push((logits.at(-1) as number) + theta - f);
  const w = logits.map(Math.exp);
  const z = w.reduce((a, b) => a + b, 0);
  return w.reduce((s, v, k) => s + (k * v) / z, 0);
}

describe("many-facet Rasch on simulated raters with known severities", () => {
  const sim = simulation();
  const result = manyFacetRasch(sim.ratings, scale);
  const raters = sim.severities.map((_, j) => result.raters.get(`r${j}`));
  const estimated = raters.map(measureOf);

  it("converges", () => {
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(100);
    expect(result.categories).toEqual([1, 2, 3, 4]);
  });

  it("ranks the raters as the true severities do (Spearman ≥ 0.9)", () => {
    expect(spearman(sim.severities, estimated)).toBeGreaterThanOrEqual(0.9);
  });

  it("recovers the severities themselves, up to the centring", () => {
    const mean = sim.severities.reduce((a, b) => a + b, 0) / sim.severities.length;
    const errors = sim.severities.map((c, j) => Math.abs(c - mean - (estimated[j] as number)));
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(0.2);
    expect(Math.max(...errors)).toBeLessThan(0.5);
  });

  it("gives the known harsh rater a positive severity and the lenient one a negative severity", () => {
    expect(estimated[0]).toBeGreaterThan(0);
    expect(estimated[0]).toBe(Math.max(...estimated));
    expect(estimated[1]).toBeLessThan(0);
    expect(estimated[1]).toBe(Math.min(...estimated));
  });

  it("anchors: severities and difficulties centred at 0, thresholds summing to 0", () => {
    expect(estimated.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    const difficulties = [...result.dimensions.values()].map(measureOf);
    expect(difficulties.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    expect(result.thresholds.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
  });

  it("recovers dimension difficulties and thresholds", () => {
    const difficulties = sim.difficulties.map((_, i) => measureOf(result.dimensions.get(`d${i}`)));
    const mean = sim.difficulties.reduce((a, b) => a + b, 0) / sim.difficulties.length;
    sim.difficulties.forEach((d, i) => {
      expect(Math.abs(d - mean - (difficulties[i] as number))).toBeLessThan(0.15);
    });
    result.thresholds.forEach((f, k) => {
      expect(Math.abs(f - (THRESHOLDS[k] as number))).toBeLessThan(0.2);
    });
  });

  it("reports mean-square fit near 1 for data that fit the model", () => {
    for (const r of raters) {
      expect(r?.infit).toBeGreaterThan(0.75);
      expect(r?.infit).toBeLessThan(1.25);
      expect(r?.outfit).toBeGreaterThan(0.7);
      expect(r?.outfit).toBeLessThan(1.3);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(raters.map((r) => r?.infit as number))).toBeCloseTo(1, 1);
    expect(mean(raters.map((r) => r?.outfit as number))).toBeCloseTo(1, 1);
  });

  it("reports standard errors from the information of 240 ratings each", () => {
    for (const r of raters) {
      expect(r?.se).toBeGreaterThan(0.08);
      expect(r?.se).toBeLessThan(0.16);
    }
  });

  it("solves the likelihood equations: every element's observed raw score equals its expected score", () => {
    const B = result.subjects;
    const C = result.raters;
    const D = result.dimensions;
    const observed = new Map<string, number>();
    const expected = new Map<string, number>();
    for (const r of sim.ratings) {
      const theta = measureOf(B.get(r.subject)) - measureOf(C.get(r.rater)) - measureOf(D.get(r.dimension));
      const e = expectedCategory(theta, result.thresholds);
      for (const key of [`s:${r.subject}`, `r:${r.rater}`, `d:${r.dimension}`]) {
        observed.set(key, (observed.get(key) ?? 0) + r.score - scale.min);
        expected.set(key, (expected.get(key) ?? 0) + e);
      }
    }
    for (const [key, o] of observed) expect(expected.get(key)).toBeCloseTo(o, 2);
  });

  it("does not depend on the order of the ratings", () => {
    const random = mulberry32(9);
    const shuffled = [...sim.ratings];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Rating, shuffled[i] as Rating];
    }
    const again = manyFacetRasch(shuffled, scale);
    sim.severities.forEach((_, j) => {
      expect(measureOf(again.raters.get(`r${j}`))).toBeCloseTo(estimated[j] as number, 4);
    });
  });
});

describe("many-facet Rasch fit statistics flag misfitting raters", () => {
  it("gives a rater who scores at random an infit and outfit well above 1", () => {
    const sim = simulation(77);
    const random = mulberry32(5);
    const ratings = sim.ratings.map((r) =>
      r.rater === "r5" ? { ...r, score: 1 + Math.floor(random() * 4) } : r,
    );
    const result = manyFacetRasch(ratings, scale);
    const noisy = result.raters.get("r5");
    expect(noisy?.infit).toBeGreaterThan(2);
    expect(noisy?.outfit).toBeGreaterThan(2);
    const others = [...result.raters.entries()]
      .filter(([id]) => id !== "r5")
      .map(([, m]) => m.infit as number);
    expect(Math.max(...others)).toBeLessThan(noisy?.infit as number);
  });
});

describe("many-facet Rasch extreme scores", () => {
  const base = simulation(11).ratings;
  const raterIds = [...new Set(base.map((r) => r.rater))];
  const dims = ["d0", "d1", "d2", "d3"];
  const everyone = (subject: string, score: number): Rating[] =>
    raterIds.flatMap((rater) => dims.map((dimension) => ({ rater, subject, dimension, score })));

  it("sets aside an answer scored top (or bottom) by everyone and estimates it with the 0.3-point adjustment", () => {
    const result = manyFacetRasch([...base, ...everyone("top", 4), ...everyone("bottom", 1)], scale);
    const top = result.subjects.get("top");
    const bottom = result.subjects.get("bottom");
    expect(top?.extreme).toBe("maximum");
    expect(bottom?.extreme).toBe("minimum");
    const others = [...result.subjects.entries()]
      .filter(([id]) => id !== "top" && id !== "bottom")
      .map(([, m]) => measureOf(m));
    expect(measureOf(top)).toBeGreaterThan(Math.max(...others));
    expect(measureOf(bottom)).toBeLessThan(Math.min(...others));
    expect(top?.se).toBeGreaterThan(0);
    expect(top?.infit).toBeNull();
    expect(top?.outfit).toBeNull();
    // Everyone's ratings of the extreme answers carry no information on severity:
    // the rater measures equal those fitted without them.
    const without = manyFacetRasch(base, scale);
    for (const id of raterIds) {
      expect(measureOf(result.raters.get(id))).toBeCloseTo(measureOf(without.raters.get(id)), 4);
    }
  });

  it("measures an extreme answer at the raw score 0.3 points in from the maximum", () => {
    const result = manyFacetRasch([...base, ...everyone("top", 4)], scale);
    const b = measureOf(result.subjects.get("top"));
    let expected = 0;
    for (const rater of raterIds) {
      for (const dimension of dims) {
        const theta = b - measureOf(result.raters.get(rater)) - measureOf(result.dimensions.get(dimension));
        expected += expectedCategory(theta, result.thresholds);
      }
    }
    expect(expected).toBeCloseTo(3 * raterIds.length * dims.length - 0.3, 6);
  });

  it("treats a rater who gives every answer the top score as extreme and most lenient", () => {
    const lenient = base.filter((r) => r.rater === "r3").map((r) => ({ ...r, rater: "easy", score: 4 }));
    const result = manyFacetRasch([...base, ...lenient], scale);
    const easy = result.raters.get("easy");
    expect(easy?.extreme).toBe("maximum");
    expect(easy?.infit).toBeNull();
    const severities = [...result.raters.values()].map(measureOf);
    expect(measureOf(easy)).toBe(Math.min(...severities));
    expect(severities.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
  });

  it("follows extremes through: a rater whose only other answer was extreme becomes extreme too", () => {
    const ratings: Rating[] = [
      ...base,
      ...everyone("bottom", 1),
      // 'z' rated one ordinary answer high and the all-bottom answer low: once the
      // all-bottom answer is set aside, all of z's remaining ratings are top scores.
      { rater: "z", subject: "a0", dimension: "d0", score: 4 },
      { rater: "z", subject: "a1", dimension: "d0", score: 4 },
      { rater: "z", subject: "bottom", dimension: "d0", score: 1 },
    ];
    const result = manyFacetRasch(ratings, scale);
    expect(result.subjects.get("bottom")?.extreme).toBe("minimum");
    const z = result.raters.get("z");
    expect(z?.extreme).toBe("maximum");
    expect(z?.measure).toEqual(expect.any(Number));
    expect(z?.ratings).toBe(3);
  });

  it("is null everywhere when every score is the same", () => {
    const result = manyFacetRasch(
      base.map((r) => ({ ...r, score: 3 })),
      scale,
    );
    expect(result.categories).toEqual([3]);
    expect(result.thresholds).toEqual([]);
    for (const m of [...result.raters.values(), ...result.subjects.values(), ...result.dimensions.values()]) {
      expect([m.measure, m.se, m.infit, m.outfit]).toEqual([null, null, null, null]);
    }
  });
});

describe("many-facet Rasch on small and awkward designs", () => {
  it("separates two raters on a short exercise: the harsher one gets the positive severity", () => {
    const gauss = normal(mulberry32(31));
    const ratings = simulateRatings({
      seed: 31,
      abilities: Array.from({ length: 8 }, () => gauss()),
      severities: [0.7, -0.7],
      difficulties: [-0.3, 0, 0.1, 0.2],
      thresholds: THRESHOLDS,
      min: 1,
    });
    const result = manyFacetRasch(ratings, scale);
    expect(result.converged).toBe(true);
    const harsh = measureOf(result.raters.get("r0"));
    expect(harsh).toBeGreaterThan(0);
    expect(measureOf(result.raters.get("r1"))).toBeCloseTo(-harsh, 9);
  });

  it("collapses unused scores into the categories actually used", () => {
    const { ratings } = simulation(6);
    // The same data on a 1–6 scale where nobody uses 3 or 6.
    const spread = ratings.map((r) => ({ ...r, score: [0, 1, 2, 4, 5][r.score] as number }));
    const original = manyFacetRasch(ratings, scale);
    const collapsed = manyFacetRasch(spread, { min: 1, max: 6 });
    expect(collapsed.categories).toEqual([1, 2, 4, 5]);
    expect(collapsed.thresholds).toHaveLength(3);
    collapsed.thresholds.forEach((f, k) => {
      expect(f).toBeCloseTo(original.thresholds[k] as number, 9);
    });
    for (const [id, m] of original.raters)
      expect(collapsed.raters.get(id)?.measure).toBeCloseTo(measureOf(m), 9);
  });

  it("reports no measures when the likelihood has no finite maximum and the fallback is off", () => {
    // A Guttman-like pattern whose JML estimates run off to infinity; by default
    // the penalised fallback measures it (see "small panels" below).
    const result = manyFacetRasch(guttman(), scale, { priorSD: null });
    expect(result.converged).toBe(false);
    expect(result.estimation).toBeNull();
    expect(result.thresholds).toEqual([]);
    for (const m of result.raters.values())
      expect([m.measure, m.se, m.infit, m.outfit]).toEqual([null, null, null, null]);
  });

  it("gives a lone rater no severity (the anchoring alone puts it at 0) but still reports fit", () => {
    const sim = simulation(4);
    const result = manyFacetRasch(
      sim.ratings.filter((r) => r.rater === "r2"),
      scale,
    );
    const lone = result.raters.get("r2");
    expect(lone?.measure).toBeNull();
    expect(lone?.se).toBeNull();
    expect(lone?.infit).toEqual(expect.any(Number));
    expect(result.subjects.get("a0")?.measure).toEqual(expect.any(Number));
  });

  it("converges when raters and dimensions are confounded (each rater scores one dimension)", () => {
    const sim = simulation(3);
    const ratings = sim.ratings.filter((r) => Number(r.rater.slice(1)) % 4 === Number(r.dimension.slice(1)));
    const result = manyFacetRasch(ratings, scale);
    expect(result.converged).toBe(true);
  });

  it("converges on a sparse design (each answer scored by a few raters)", () => {
    const gauss = normal(mulberry32(8));
    const ratings = simulateRatings({
      seed: 8,
      abilities: Array.from({ length: 150 }, () => gauss()),
      severities: Array.from({ length: 15 }, () => 0.7 * gauss()),
      difficulties: [0, 0.5, -0.5],
      thresholds: THRESHOLDS,
      min: 1,
      coverage: 0.2,
    });
    const result = manyFacetRasch(ratings, scale);
    expect(result.converged).toBe(true);
    for (const m of result.raters.values()) expect(m.measure).toEqual(expect.any(Number));
  });
});

describe("many-facet Rasch on small panels: the penalised fallback", () => {
  const PRIOR_SD = 2.5;

  /** Penalised likelihood equations: observed − expected = (β − μ)·sign / SD² per element. */
  function penalisedGradients(ratings: readonly Rating[], result: ReturnType<typeof manyFacetRasch>) {
    const facets = [
      ["subject", result.subjects, 1],
      ["rater", result.raters, -1],
      ["dimension", result.dimensions, -1],
    ] as const;
    const residual = new Map<string, number>();
    for (const r of ratings) {
      const theta =
        measureOf(result.subjects.get(r.subject)) -
        measureOf(result.raters.get(r.rater)) -
        measureOf(result.dimensions.get(r.dimension));
      const y = r.score - scale.min - expectedCategory(theta, result.thresholds);
      for (const [facet] of facets) {
        const key = `${facet}:${r[facet]}`;
        residual.set(key, (residual.get(key) ?? 0) + y);
      }
    }
    const subjectMean =
      [...result.subjects.values()].map(measureOf).reduce((a, b) => a + b, 0) / result.subjects.size;
    const out: [number, number][] = [];
    for (const [facet, map, sign] of facets) {
      for (const [id, m] of map) {
        const mu = facet === "subject" ? subjectMean : 0;
        // d/dβ [log-likelihood − (β − μ)²/(2·SD²)] = sign·Σ(x − E) − (β − μ)/SD² = 0
        out.push([sign * (residual.get(`${facet}:${id}`) as number), (measureOf(m) - mu) / PRIOR_SD ** 2]);
      }
    }
    return out;
  }

  it("measures a tiny exercise whose JML estimates diverge: the harsh interviewer is harshest", () => {
    const ratings = tinyPanel();
    expect(manyFacetRasch(ratings, scale, { priorSD: null }).converged).toBe(false);
    const result = manyFacetRasch(ratings, scale);
    expect(result.converged).toBe(true);
    expect(result.estimation).toBe("penalised");
    const [ana, ben, chi] = ["ana", "ben", "chi"].map((id) => result.raters.get(id));
    expect(measureOf(chi)).toBeGreaterThan(measureOf(ben));
    expect(measureOf(ben)).toBeGreaterThan(measureOf(ana));
    expect(measureOf(chi)).toBeGreaterThan(0);
    expect(measureOf(ana)).toBeLessThan(0);
    expect(measureOf(ana) + measureOf(ben) + measureOf(chi)).toBeCloseTo(0, 9);
    for (const m of [ana, ben, chi]) {
      expect(m?.se).toBeGreaterThan(0);
      expect(m?.se).toBeLessThan(PRIOR_SD);
      expect(m?.infit).toEqual(expect.any(Number));
      expect(m?.outfit).toEqual(expect.any(Number));
    }
    expect(result.thresholds).toHaveLength(3);
    expect(result.thresholds.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    expect(nonFinitePaths(result)).toEqual([]);
  });

  it("solves the penalised likelihood equations (prior SD 2.5, subjects about their mean)", () => {
    const ratings = tinyPanel();
    const result = manyFacetRasch(ratings, scale);
    for (const [gradient, prior] of penalisedGradients(ratings, result))
      expect(gradient).toBeCloseTo(prior, 4);
    // The prior is what makes the estimates finite: the raw-score equations do not hold.
    expect(penalisedGradients(ratings, result).some(([g]) => Math.abs(g) > 0.05)).toBe(true);
  });

  it("reports the penalised standard error 1/sqrt(Σ variance + 1/SD²)", () => {
    const ratings = tinyPanel();
    const result = manyFacetRasch(ratings, scale);
    const chi = result.raters.get("chi");
    let information = 1 / PRIOR_SD ** 2;
    for (const r of ratings.filter((x) => x.rater === "chi")) {
      const theta =
        measureOf(result.subjects.get(r.subject)) -
        measureOf(chi) -
        measureOf(result.dimensions.get(r.dimension));
      const e = expectedCategory(theta, result.thresholds);
      const logits = [0];
      for (const f of result.thresholds) logits.push((logits.at(-1) as number) + theta - f);
      const w = logits.map(Math.exp);
      const z = w.reduce((a, b) => a + b, 0);
      information += w.reduce((s, v, k) => s + ((k - e) ** 2 * v) / z, 0);
    }
    expect(chi?.se).toBeCloseTo(1 / Math.sqrt(information), 6);
  });

  it("gives a perfectly Guttman pair of raters finite severities of the right sign", () => {
    const result = manyFacetRasch(guttman(), scale);
    expect(result.estimation).toBe("penalised");
    expect(result.converged).toBe(true);
    const r1 = result.raters.get("r1"); // always one point below r2: harsher
    const r2 = result.raters.get("r2");
    expect(measureOf(r1)).toBeGreaterThan(0);
    expect(measureOf(r2)).toBeCloseTo(-measureOf(r1), 9);
    expect(r1?.se).toBeGreaterThan(0);
    expect(r2?.se).toBeGreaterThan(0);
    expect(nonFinitePaths(result)).toEqual([]);
  });

  it("shrinks more under a narrower prior, and not at all data that converge", () => {
    const ratings = tinyPanel();
    const sd = [1, 2, 2.5, 3].map((priorSD) =>
      measureOf(manyFacetRasch(ratings, scale, { priorSD }).raters.get("chi")),
    );
    for (let i = 1; i < sd.length; i++) expect(sd[i]).toBeGreaterThan(sd[i - 1] as number);
    const sim = simulation(12).ratings;
    const plain = manyFacetRasch(sim, scale);
    expect(plain.estimation).toBe("jmle");
    expect(manyFacetRasch(sim, scale, { priorSD: 0.5 })).toEqual(plain);
  });

  it("still gives a lone rater no severity, even when the fallback measures the rest", () => {
    // The Guttman pattern with r2's ratings moved to dimensions of their own, all by one rater.
    const ratings = guttman().map((r) => ({
      ...r,
      rater: "solo",
      dimension: r.rater === "r2" ? `${r.dimension}+` : r.dimension,
    }));
    expect(manyFacetRasch(ratings, scale, { priorSD: null }).converged).toBe(false);
    const result = manyFacetRasch(ratings, scale);
    expect(result.estimation).toBe("penalised");
    const lone = result.raters.get("solo");
    expect(lone?.measure).toBeNull();
    expect(lone?.se).toBeNull();
    expect(lone?.infit).toEqual(expect.any(Number));
    // Dimensions scored a point lower are harder.
    expect(measureOf(result.dimensions.get("x"))).toBeGreaterThan(measureOf(result.dimensions.get("x+")));
    expect(measureOf(result.subjects.get("s2"))).toBeGreaterThan(measureOf(result.subjects.get("s0")));
    expect(nonFinitePaths(result)).toEqual([]);
  });

  it("sets extreme elements aside and measures them with the 0.3-point adjustment as before", () => {
    const ratings = tinyPanel();
    const top = ["ana", "ben", "chi"].flatMap((rater) =>
      ["d1", "d2", "d3", "d4"].map((dimension) => ({ rater, subject: "a3", dimension, score: 4 })),
    );
    const result = manyFacetRasch([...ratings, ...top], scale);
    const without = manyFacetRasch(ratings, scale);
    expect(result.estimation).toBe("penalised");
    expect(result.subjects.get("a3")?.extreme).toBe("maximum");
    expect(measureOf(result.subjects.get("a3"))).toBeGreaterThan(measureOf(result.subjects.get("a2")));
    for (const id of ["ana", "ben", "chi"])
      expect(measureOf(result.raters.get(id))).toBeCloseTo(measureOf(without.raters.get(id)), 6);
  });

  it("rejects a prior SD that is not a positive number", () => {
    for (const priorSD of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => manyFacetRasch(tinyPanel(), scale, { priorSD })).toThrow(AgreementError);
  });
});
