import type { ExampleLevel } from "@loopwright/schema";

export type ItemDraft =
  | {
      key: string;
      kind: "example";
      questionId: string;
      questionTitle: string;
      exampleId: string;
      level: ExampleLevel;
      excerpt: string;
    }
  | {
      key: string;
      kind: "transcript";
      questionId: string;
      questionTitle: string;
      title: string;
      text: string;
    };
