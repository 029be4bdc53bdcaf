export * from "./competencies.js";
export * from "./bank.js";
export * from "./api.js";
