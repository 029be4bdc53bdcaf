export * from "./load-bank.js";
export * from "./semantic-checks.js";
export * from "./json-schema.js";
export * from "./locate.js";
