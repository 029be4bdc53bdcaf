export * from "./analysis-with-flags.js";
export * from "./analyze.js";
export { AgreementError, type Rating, type Scale } from "./data.js";
export * from "./fleiss.js";
export * from "./icc.js";
export { type AlphaLevel, krippendorffAlpha } from "./krippendorff.js";
export * from "./pairwise.js";
export * from "./panel-flags.js";
export {
  type Estimation,
  type Extreme,
  type FacetMeasure,
  manyFacetRasch,
  type RaschOptions,
  type RaschResult,
} from "./rasch.js";
