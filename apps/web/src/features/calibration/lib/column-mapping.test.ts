import { describe, expect, it } from "vitest";
import { mappingErrors } from "./column-mapping";

describe("mappingErrors", () => {
  it("accepts four different headers", () => {
    expect(
      mappingErrors({ rater: "Reviewer", subject: "Candidate", dimension: "Criterion", score: "Rating" }),
    ).toEqual({});
  });

  it("asks for each column left unchosen", () => {
    expect(mappingErrors({ rater: "Reviewer", subject: "", dimension: "Criterion", score: "" })).toEqual({
      subject: "Choose the column that holds the subject.",
      score: "Choose the column that holds the score.",
    });
  });

  it("names both columns when one header is chosen twice, whatever its case", () => {
    expect(
      mappingErrors({ rater: "Reviewer", subject: "reviewer", dimension: "Criterion", score: "Rating" }),
    ).toEqual({
      rater: "'Reviewer' is also chosen for the subject; each column can be used once.",
      subject: "'reviewer' is also chosen for the rater; each column can be used once.",
    });
  });
});
