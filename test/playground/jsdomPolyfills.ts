/** jsdom (jest-environment-jsdom) lacks TextEncoder/TextDecoder, which the simulator uses; borrow Node's. */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as Record<string, unknown>;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
