import fc from "fast-check";
import { altmanZ, altmanZone, type AltmanModel } from "../../src/engine/altman";
import { dsoCountback, lateInterest, recoveryFee, suggestedCreditLimit } from "../../src/engine/finance";
import { payIndex, payIndexExact, weightedPayIndex } from "../../src/engine/payindex";
import {
  SCORE_FACTOR_KEYS,
  creditScore,
  riskGrade,
  scoreReasons,
  subScores,
  type ScoreFactors,
  type ScoreWeights,
} from "../../src/engine/score";

const anyDouble = fc.double({ noNaN: true }); // includes ±Infinity and -0
const days = fc.double({ noNaN: true, min: -400, max: 400 });
const model = fc.constantFrom<AltmanModel>("public", "private", "nonmfg");

const factors: fc.Arbitrary<ScoreFactors> = fc.record({
  daysBeyondTerms: fc.option(fc.double({ noNaN: true, min: -100, max: 300 }), { nil: undefined }),
  utilization: fc.option(fc.double({ noNaN: true, min: -1, max: 3 }), { nil: undefined }),
  altmanZ: fc.option(fc.double({ noNaN: true, min: -5, max: 8 }), { nil: undefined }),
  yearsTrading: fc.option(fc.double({ noNaN: true, min: -1, max: 40 }), { nil: undefined }),
  disputeRate: fc.option(fc.double({ noNaN: true, min: 0, max: 1 }), { nil: undefined }),
});

const weights: fc.Arbitrary<ScoreWeights> = fc.record({
  payment: fc.double({ noNaN: true, min: 0, max: 100 }),
  utilization: fc.double({ noNaN: true, min: 0, max: 100 }),
  altman: fc.double({ noNaN: true, min: 0, max: 100 }),
  years: fc.double({ noNaN: true, min: 0, max: 100 }),
  disputes: fc.double({ noNaN: true, min: 0, max: 100 }),
});

/** Factor field, and whether a higher value is worse. */
const FACTOR_FIELDS: readonly (readonly [keyof ScoreFactors, boolean, number, number])[] = [
  ["daysBeyondTerms", true, -100, 300],
  ["utilization", true, -1, 3],
  ["altmanZ", false, -5, 8],
  ["yearsTrading", false, -1, 40],
  ["disputeRate", true, 0, 1],
];

describe("PAYINDEX properties", () => {
  it("is an integer within 20..100 for any number", () => {
    fc.assert(
      fc.property(anyDouble, (d) => {
        const p = payIndex(d);
        return Number.isInteger(p) && p >= 20 && p <= 100;
      }),
    );
  });

  it("is non-increasing in days (exact and rounded)", () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return payIndexExact(lo) >= payIndexExact(hi) && payIndex(lo) >= payIndex(hi);
      }),
    );
  });

  it("weighted index lies between the smallest and largest invoice index", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(days, fc.double({ noNaN: true, min: 0.01, max: 1e12 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (rows) => {
          const ds = rows.map((r) => r[0]);
          const w = weightedPayIndex(
            ds,
            rows.map((r) => r[1]),
          );
          const indexes = ds.map(payIndex);
          return Number.isInteger(w) && w >= Math.min(...indexes) && w <= Math.max(...indexes);
        },
      ),
    );
  });
});

describe("CREDITSCORE properties", () => {
  it("is an integer 0..100, or null exactly when no factor is given", () => {
    fc.assert(
      fc.property(factors, fc.option(weights, { nil: undefined }), (f, w) => {
        const s = creditScore(f, w);
        const given = subScores(f, w).some((x) => x.share > 0);
        if (!given) return s === null;
        return s !== null && Number.isInteger(s) && s >= 0 && s <= 100;
      }),
    );
  });

  it.each(FACTOR_FIELDS)(
    "never rises when %s gets worse (default weights, others random or absent)",
    (field, higherIsWorse, min, max) => {
      fc.assert(
        fc.property(
          factors,
          fc.double({ noNaN: true, min, max }),
          fc.double({ noNaN: true, min, max }),
          (f, a, b) => {
            const [better, worse] = a <= b === higherIsWorse ? [a, b] : [b, a];
            const sBetter = creditScore({ ...f, [field]: better });
            const sWorse = creditScore({ ...f, [field]: worse });
            return sBetter !== null && sWorse !== null && sWorse <= sBetter;
          },
        ),
      );
    },
  );

  it.each(FACTOR_FIELDS)(
    "never rises when %s gets worse under custom weights",
    (field, higherIsWorse, min, max) => {
      fc.assert(
        fc.property(
          factors,
          fc.double({ noNaN: true, min, max }),
          fc.double({ noNaN: true, min, max }),
          weights,
          (f, a, b, w) => {
            const [better, worse] = a <= b === higherIsWorse ? [a, b] : [b, a];
            const sBetter = creditScore({ ...f, [field]: better }, w);
            const sWorse = creditScore({ ...f, [field]: worse }, w);
            return sBetter === null ? sWorse === null : sWorse !== null && sWorse <= sBetter;
          },
        ),
      );
    },
  );

  it("points lost add up to 100 minus the exact score", () => {
    fc.assert(
      fc.property(factors, (f) => {
        const s = subScores(f);
        if (s.length === 0) return true;
        const exact = s.reduce((a, x) => a + x.share * x.subScore, 0);
        const lost = s.reduce((a, x) => a + x.pointsLost, 0);
        return (
          Math.abs(100 - lost - exact) < 1e-9 &&
          Math.abs(Math.floor(exact + 0.5 + 1e-9) - creditScore(f)!) === 0
        );
      }),
    );
  });

  it("reasons name at most two factors and never throw", () => {
    fc.assert(
      fc.property(factors, fc.constantFrom("en" as const, "zh-CN" as const), (f, lang) => {
        const text = scoreReasons(f, lang);
        return text.length > 0 && text.split("; ").length <= 2;
      }),
    );
  });

  it("covers every factor key", () => {
    expect(SCORE_FACTOR_KEYS).toHaveLength(FACTOR_FIELDS.length);
  });
});

describe("RISKGRADE properties", () => {
  const expected = (s: number): string =>
    s >= 80 ? "A" : s >= 65 ? "B" : s >= 50 ? "C" : s >= 35 ? "D" : "E";

  it("matches the bands for every integer score 0..100", () => {
    for (let s = 0; s <= 100; s++) expect(riskGrade(s)).toBe(expected(s));
  });

  it("gets no better as the score falls", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -10, max: 110 }),
        fc.double({ noNaN: true, min: -10, max: 110 }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return riskGrade(lo) >= riskGrade(hi); // "A" < "E" lexically
        },
      ),
    );
  });
});

describe("Altman properties", () => {
  const rank = { Distress: 0, Grey: 1, Safe: 2 } as const;

  it("zone never improves as z falls", () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, model, (a, b, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return rank[altmanZone(lo, m)] <= rank[altmanZone(hi, m)];
      }),
    );
  });

  it("Z is null for non-positive totals and otherwise finite or null", () => {
    const money = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        money,
        money,
        money,
        money,
        model,
        (wc, re, ebit, eq, sales, ta, tl, m) => {
          const z = altmanZ(
            {
              workingCapital: wc,
              retainedEarnings: re,
              ebit,
              equity: eq,
              sales,
              totalAssets: ta,
              totalLiabilities: tl,
            },
            m,
          );
          return ta <= 0 || tl <= 0 ? z === null : z === null || Number.isFinite(z);
        },
      ),
    );
  });
});

describe("finance properties", () => {
  const salesArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 24 });

  it("countback DSO never exceeds the total days, and is null only past all sales", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000_000 }),
        salesArb,
        fc.integer({ min: 1, max: 31 }),
        (r, sales, period) => {
          const total = sales.reduce((a, s) => a + s, 0);
          const d = dsoCountback(r, sales, period);
          if (r > total) return d === null;
          return d !== null && d >= 0 && d <= period * sales.length;
        },
      ),
    );
  });

  it("countback DSO is non-decreasing in receivables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        salesArb,
        (a, b, sales) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const dHi = dsoCountback(hi, sales);
          const dLo = dsoCountback(lo, sales);
          return dHi === null || (dLo !== null && dLo <= dHi + 1e-9);
        },
      ),
    );
  });

  it("countback DSO with per-period lengths stays within their sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 92 })), {
          maxLength: 24,
        }),
        fc.integer({ min: 0, max: 30000 }),
        (rows, r) => {
          const d = dsoCountback(
            r,
            rows.map((x) => x[0]),
            rows.map((x) => x[1]),
          );
          return d === null || d <= rows.reduce((a, x) => a + x[1], 0);
        },
      ),
    );
  });

  it("late interest is non-negative and grows with days late", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e6, max: 1e9 }),
        fc.integer({ min: 1, max: 2_958_465 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.double({ noNaN: true, min: 0, max: 1 }),
        fc.constantFrom(360, 365),
        (amount, due, late, rate, basis) => {
          const a = lateInterest(amount, due, due + late, rate, basis);
          const b = lateInterest(amount, due, due + late + 1, rate, basis);
          return a >= 0 && b >= a;
        },
      ),
    );
  });

  it("UK recovery fee never falls as the amount rises", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return recoveryFee(lo) <= recoveryFee(hi);
        },
      ),
    );
  });

  it("credit limit lies between 0 and the peak exposure", () => {
    const opt = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), {
      nil: null,
    });
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 180 }),
        opt,
        opt,
        opt,
        (sales, terms, late, tnw, wc) => {
          const limit = suggestedCreditLimit(sales, terms, late, tnw, wc);
          const peak = suggestedCreditLimit(sales, terms, late);
          return limit >= 0 && limit <= peak;
        },
      ),
    );
  });
});
