/** Sample workbooks for the playground and the tests. */
export { englishSample, ENGLISH_CUSTOMERS, ENGLISH_INVOICE_HEADER, ENGLISH_CUSTOMER_HEADER } from "./english";
export { chineseSample, CHINESE_CUSTOMERS, CHINESE_INVOICE_HEADER, CHINESE_CUSTOMER_HEADER } from "./chinese";
export { largeSample } from "./large";
export { mulberry32, createRng, type Rng } from "./prng";
export type { SheetData } from "./types";

/** Identifiers of the samples the playground can load. */
export type SampleId = "en" | "zh" | "large";
