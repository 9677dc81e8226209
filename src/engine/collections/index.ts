export * from "./dunning";
export * from "./messages";
