export * from "./enums.js";
export * from "./organisation.js";
export * from "./students.js";
export * from "./marks.js";
export * from "./operations.js";
export * from "./auth.js";
export * from "./history.js";
export * from "./relations.js";
