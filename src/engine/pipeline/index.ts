export * from "./types";
export * from "./format";
export * from "./breaches";
export * from "./provision";
export * from "./snapshot";
export * from "./score-table";
export * from "./output";
export * from "./labels";
