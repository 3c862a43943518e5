export * from "./calendar.js";
export * from "./mark-scales.js";
export * from "./windows.js";
export * from "./grading-items.js";
export * from "./deadline-history.js";
