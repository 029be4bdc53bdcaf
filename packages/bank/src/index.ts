export * from "./json-schema.js";
export * from "./load-bank.js";
export * from "./locate.js";
export * from "./parse-cache.js";
export * from "./semantic-checks.js";
