export * from "./api.js";
export * from "./bank.js";
export * from "./calibration.js";
export * from "./competencies.js";
export * from "./peer-feedback.js";
export * from "./peer-protocol.js";
export * from "./practice.js";
export * from "./room-state.js";
