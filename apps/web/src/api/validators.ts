/**
 * The shared schemas api/client.ts checks responses with, in a module of their
 * own so it can load them on demand (a dynamic import of @loopwright/schema
 * itself would do nothing: the home page imports that module statically for
 * its labels, which puts it in the entry chunk).
 */
export { apiErrorSchema, healthSchema, questionListSchema, questionSchema } from "@loopwright/schema";
