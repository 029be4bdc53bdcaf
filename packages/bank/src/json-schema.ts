import { questionSchema } from "@loopwright/schema";
import { z } from "zod";

/** JSON Schema for editors (via the yaml-language-server `$schema` comment). */
export function questionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(questionSchema, { io: "input", target: "draft-7" }),
    title: "Loopwright question",
  };
}
