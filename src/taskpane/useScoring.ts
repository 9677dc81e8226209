/**
 * The "Score this sheet" run as React state: start (with an optional confirmed mapping), progress, cancel
 * (aborts the AbortSignal given to `services.score`), and the outcome (result, mapping request, message).
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { Policy } from "../engine/policy";
import type { Serial } from "../engine/serial";
import type { ColumnMapping, Msg } from "../engine/sheet/types";
import type { Lang } from "./i18n";
import type { MappingInfo, PaneResult, PaneServices, RunProgress } from "./services";

export type RunPhase = "idle" | "running" | "done" | "needsMapping" | "blocked" | "cancelled" | "failed";

export interface RunState {
  readonly phase: RunPhase;
  readonly progress: RunProgress | null;
  /** Message of a blocked or failed run. */
  readonly message: Msg | null;
}

export interface ScoreArgs {
  readonly policy: Policy;
  readonly asOf: Serial;
  readonly lang: Lang;
  readonly mapping?: ColumnMapping;
  /** What the analyst calls the policy used (named on the summary sheet). */
  readonly policyName?: Msg;
}

export interface Scoring {
  readonly run: RunState;
  readonly result: PaneResult | null;
  readonly mapping: MappingInfo | null;
  readonly setMapping: Dispatch<SetStateAction<MappingInfo | null>>;
  readonly start: (args: ScoreArgs) => Promise<void>;
  readonly cancel: () => void;
  readonly clear: () => void;
}

const IDLE: RunState = { phase: "idle", progress: null, message: null };

function errorMessage(error: unknown): Msg {
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, zh: text };
}

function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

/** State and actions of scoring runs against `services`. Only one run at a time. */
export function useScoring(services: PaneServices): Scoring {
  const [run, setRun] = useState<RunState>(IDLE);
  const [result, setResult] = useState<PaneResult | null>(null);
  const [mapping, setMapping] = useState<MappingInfo | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const start = useCallback(
    async (args: ScoreArgs) => {
      if (controller.current) return;
      const ac = new AbortController();
      controller.current = ac;
      setRun({ phase: "running", progress: { fraction: 0 }, message: null });
      try {
        const outcome = await services.score({
          ...args,
          signal: ac.signal,
          onProgress: (progress) => {
            if (mounted.current && !ac.signal.aborted) setRun({ phase: "running", progress, message: null });
          },
        });
        if (!mounted.current) return;
        if (ac.signal.aborted || outcome.status === "cancelled") setRun({ ...IDLE, phase: "cancelled" });
        else if (outcome.status === "done") {
          setResult(outcome.result);
          // A successful run used a saved mapping, or saved the confirmed one.
          if (outcome.mapping) setMapping(outcome.mapping);
          else setMapping((m) => (m ? { ...m, saved: true, problems: [] } : m));
          setRun({ ...IDLE, phase: "done" });
        } else if (outcome.status === "needsMapping") {
          setMapping(outcome.mapping);
          setRun({ ...IDLE, phase: "needsMapping" });
        } else setRun({ phase: outcome.status, progress: null, message: outcome.message });
      } catch (error) {
        if (!mounted.current) return;
        if (isAbort(error) || ac.signal.aborted) setRun({ ...IDLE, phase: "cancelled" });
        else setRun({ phase: "failed", progress: null, message: errorMessage(error) });
      } finally {
        if (controller.current === ac) controller.current = null;
      }
    },
    [services],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  const clear = useCallback(() => {
    setResult(null);
    setRun(IDLE);
  }, []);

  return { run, result, mapping, setMapping, start, cancel, clear };
}
