export * from "./types";
export * from "./normalize";
export * from "./headers";
export * from "./cells";
export * from "./table";
export * from "./customers";
export * from "./rates";
