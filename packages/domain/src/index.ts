export * from "./calendar.js";
export * from "./mark-scales.js";
export * from "./windows.js";
export * from "./grading-items.js";
export * from "./deadlines.js";
export * from "./mark-save.js";
export * from "./state-machine.js";
export * from "./versions.js";
