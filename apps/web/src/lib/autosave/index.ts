export * from "./autosave-queue";
export * from "./failures";
export * from "./local-drafts";
export * from "./save-status-text";
export * from "./useAutosave";
