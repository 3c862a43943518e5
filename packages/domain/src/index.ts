export * from "./calendar.js";
export * from "./mark-scales.js";
