/**
 * Policy view: bucket edges, loss rates and the provision method (roll-rate floor, mature cohorts), breach
 * thresholds (incl. the insurer's maximum extension period), scorecard weights and the default Altman model, grade
 * caps (delinquency and "stopped paying"), dunning levels, default terms and late interest, the date order
 * (Automatic / Day-month-year / Month-day-year — labelled exactly as the engine's messages name it), the base
 * currency and exchange rates. Validated as typed (inline Field
 * messages); Save is disabled while anything is invalid; "Reset to defaults" fills the form with the defaults.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  Subtitle1,
} from "@fluentui/react-components";
import { useId, useMemo, useState, type ReactNode } from "react";
import { ALTMAN_MODELS } from "../../engine/altman";
import {
  DATE_ORDER_LABELS,
  DATE_ORDER_SETTING,
  DECIMAL_COMMA_SETTING,
  DEFAULT_POLICY,
  mergePolicy,
  type Grade,
  type LossRateMethod,
  type Policy,
} from "../../engine/policy";
import type { Msg } from "../../engine/sheet/types";
import { copyText } from "../clipboard";
import { usePane } from "../context";
import { splitList } from "../format";
import { draftFromPolicy, policyFromDraft, WEIGHT_KEYS, type PolicyDraft } from "../policyForm";
import { fill, pick, type PaneStringKey } from "../strings";
import { useViewStyles } from "../styles";

export interface PolicyViewProps {
  /** The policy saved in the workbook. */
  readonly policy: Policy;
  /** Saves the policy (workbook + custom functions); rejects on failure. */
  readonly onSave: (policy: Policy) => Promise<void>;
  /** What migrating the saved (v1) policy changed, shown until the policy is saved. */
  readonly notes?: readonly Msg[];
}

const METHODS: readonly LossRateMethod[] = ["policy", "rollRate"];
const GRADES: readonly Grade[] = ["A", "B", "C", "D", "E"];
const DATE_ORDERS = ["auto", "DMY", "MDY"] as const;

/** One titled group of the form, with the group-level error (if any) below its fields. */
function PolicySection({ title, error, children }: { title: string; error?: string; children: ReactNode }) {
  const view = useViewStyles();
  return (
    <fieldset className={view.fieldset}>
      <legend>
        <Text as="h3" weight="semibold">
          {title}
        </Text>
      </legend>
      {children}
      {error ? (
        <Text size={200} role="alert" className={view.error}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

export function PolicyView({ policy, onSave, notes = [] }: PolicyViewProps) {
  const { lang, s } = usePane();
  const view = useViewStyles();
  const headingId = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(policy));
  const [notice, setNotice] = useState<{ intent: "success" | "error" | "info"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const { policy: parsed, errors } = useMemo(() => policyFromDraft(draft, policy), [draft, policy]);

  const update = (patch: Partial<PolicyDraft>) => {
    setNotice(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const err = (field: string) => (errors[field] ? pick(errors[field], lang) : undefined);
  const fieldProps = (field: string) => {
    const message = err(field);
    return message ? { validationState: "error" as const, validationMessage: message } : {};
  };
  const numberField = (field: keyof PolicyDraft & string, label: PaneStringKey) => (
    <Field label={s[label]} size="small" {...fieldProps(field)}>
      <Input
        size="small"
        inputMode="decimal"
        value={draft[field] as string}
        onChange={(_, d) => update({ [field]: d.value })}
      />
    </Field>
  );
  const save = async () => {
    if (!parsed) return;
    setSaving(true);
    try {
      await onSave(parsed);
      setNotice({ intent: "success", text: s.policySaved });
    } catch (e) {
      setNotice({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };
  /** The policy as the command line's --policy file takes it (the same JSON the workbook stores). */
  const copyJson = async () => {
    if (!parsed) return;
    const copied = await copyText(`${JSON.stringify(parsed, null, 2)}\n`);
    setNotice(
      copied ? { intent: "success", text: s.policyCopied } : { intent: "error", text: s.policyCopyFailed },
    );
  };
  const reset = () => {
    setDraft(draftFromPolicy(mergePolicy(DEFAULT_POLICY)));
    setNotice({ intent: "info", text: s.policyReset });
  };
  const bucketCount = splitList(draft.edges).length + 2;

  return (
    <section className={view.view} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={view.heading}>
        {s.policyHeading}
      </Subtitle1>
      <Text size={200} className={view.muted}>
        {s.policyIntro}
      </Text>
      {notes.map((n, i) => (
        <MessageBar key={i} intent="info" data-policy-migration="">
          <MessageBarBody>{pick(n, lang)}</MessageBarBody>
        </MessageBar>
      ))}

      <PolicySection title={s.policyAging}>
        <Field label={s.edgesLabel} size="small" hint={s.edgesHint} {...fieldProps("edges")}>
          <Input size="small" value={draft.edges} onChange={(_, d) => update({ edges: d.value })} />
        </Field>
        <Field
          label={s.lossRatesLabel}
          size="small"
          hint={fill(s.lossRatesHint, { n: bucketCount })}
          {...fieldProps("lossRates")}
        >
          <Input size="small" value={draft.lossRates} onChange={(_, d) => update({ lossRates: d.value })} />
        </Field>
        <Field label={s.lossMethodLabel} size="small" {...fieldProps("lossRateMethod")}>
          <Select
            size="small"
            value={draft.lossRateMethod}
            onChange={(_, d) => update({ lossRateMethod: d.value as LossRateMethod })}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {s[`lossMethod_${m}` as PaneStringKey]}
              </option>
            ))}
          </Select>
        </Field>
        <div className={view.grid2}>
          {numberField("floorPct", "lossRateFloorLabel")}
          <Field
            label={s.minCohortsLabel}
            size="small"
            hint={fill(s.minCohortsHint, { days: policy.rollRate.lossDays })}
            {...fieldProps("minCohorts")}
          >
            <Input
              size="small"
              inputMode="numeric"
              value={draft.minCohorts}
              onChange={(_, d) => update({ minCohorts: d.value })}
            />
          </Field>
        </div>
      </PolicySection>

      <PolicySection title={s.policyReading}>
        <Field label={pick(DATE_ORDER_SETTING, lang)} size="small" hint={s.dateOrderHint}>
          <Select
            size="small"
            value={draft.dateOrder}
            onChange={(_, d) => update({ dateOrder: d.value as PolicyDraft["dateOrder"] })}
          >
            {DATE_ORDERS.map((o) => (
              <option key={o} value={o}>
                {pick(DATE_ORDER_LABELS[o], lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Switch
          label={pick(DECIMAL_COMMA_SETTING, lang)}
          checked={draft.decimalComma}
          onChange={(_, d) => update({ decimalComma: d.checked })}
        />
        <Text size={200} className={view.muted}>
          {s.decimalCommaHint}
        </Text>
      </PolicySection>

      <PolicySection title={s.policyCurrency}>
        <div className={view.grid2}>
          <Field
            label={s.baseCurrencyLabel}
            size="small"
            hint={s.baseCurrencyHint}
            {...fieldProps("baseCurrency")}
          >
            <Input
              size="small"
              value={draft.baseCurrency}
              onChange={(_, d) => update({ baseCurrency: d.value })}
            />
          </Field>
          <Field label={s.ratesLabel} size="small" hint={s.ratesHint} {...fieldProps("rates")}>
            <Input size="small" value={draft.rates} onChange={(_, d) => update({ rates: d.value })} />
          </Field>
        </div>
      </PolicySection>

      <PolicySection title={s.policyCaps} error={err("capsEnabled")}>
        <Switch
          label={s.capsEnabledLabel}
          checked={draft.capsEnabled}
          onChange={(_, d) => update({ capsEnabled: d.checked })}
        />
        {draft.capRules.map((rule, i) => (
          <div key={i} className={view.grid2}>
            <Field label={s.capRuleLabel} size="small" {...fieldProps(`capRules.${i}`)}>
              <Input
                size="small"
                inputMode="numeric"
                value={rule.overDays}
                onChange={(_, d) =>
                  update({
                    capRules: draft.capRules.map((r, j) => (j === i ? { ...r, overDays: d.value } : r)),
                  })
                }
              />
            </Field>
            <Field label={s.colGrade} size="small">
              <Select
                size="small"
                value={rule.maxGrade}
                onChange={(_, d) =>
                  update({
                    capRules: draft.capRules.map((r, j) =>
                      j === i ? { ...r, maxGrade: d.value as Grade } : r,
                    ),
                  })
                }
              >
                {GRADES.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ))}
        <div className={view.grid2}>
          {numberField("stoppedOverdueDays", "stoppedPayingLabel")}
          {numberField("stoppedNoPaymentDays", "noPaymentDaysLabel")}
          <Field label={s.stoppedPayingGradeLabel} size="small">
            <Select
              size="small"
              value={draft.stoppedMaxGrade}
              onChange={(_, d) => update({ stoppedMaxGrade: d.value as Grade })}
            >
              {(["C", "D", "E"] as const).map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </PolicySection>

      <PolicySection title={s.policyBreaches}>
        <div className={view.grid2}>
          {numberField("nearLimitPct", "nearLimitLabel")}
          {numberField("severelyOverdueDays", "severelyOverdueLabel")}
          {numberField("insurerDays", "insurerDaysLabel")}
          {numberField("disputeAgedDays", "disputeAgedLabel")}
          {numberField("deteriorationScore", "deteriorationScoreLabel")}
          {numberField("deteriorationDays", "deteriorationDaysLabel")}
        </div>
      </PolicySection>

      <PolicySection title={s.policyWeights} error={err("weights")}>
        <div className={view.grid2}>
          {WEIGHT_KEYS.map((k) => (
            <Field
              key={k}
              label={s[`weight_${k}` as PaneStringKey]}
              size="small"
              {...fieldProps(`weights.${k}`)}
            >
              <Input
                size="small"
                inputMode="decimal"
                value={draft.weights[k]}
                onChange={(_, d) => update({ weights: { ...draft.weights, [k]: d.value } })}
              />
            </Field>
          ))}
        </div>
      </PolicySection>

      <Field label={s.altmanModelLabel} size="small" {...fieldProps("altmanModel")}>
        <Select
          size="small"
          value={draft.altmanModel}
          onChange={(_, d) => update({ altmanModel: d.value as PolicyDraft["altmanModel"] })}
        >
          {ALTMAN_MODELS.map((m) => (
            <option key={m} value={m}>
              {s[`altmanModel_${m}` as PaneStringKey]}
            </option>
          ))}
        </Select>
      </Field>

      <PolicySection title={s.policyDunning} error={err("dunning")}>
        <div className={view.grid2}>
          {draft.dunning.map((level, i) => (
            <Field
              key={level.id}
              label={s[`stage_${level.id}` as PaneStringKey]}
              size="small"
              {...fieldProps(`dunning.${i}`)}
            >
              <Input
                size="small"
                inputMode="numeric"
                value={level.fromDays}
                onChange={(_, d) =>
                  update({
                    dunning: draft.dunning.map((l, j) => (j === i ? { ...l, fromDays: d.value } : l)),
                  })
                }
              />
            </Field>
          ))}
        </div>
      </PolicySection>

      <PolicySection title={s.policyTerms}>
        <Field
          label={s.defaultTermsLabel}
          size="small"
          hint={s.defaultTermsHint}
          {...fieldProps("defaultTerms")}
        >
          <Input
            size="small"
            value={draft.defaultTerms}
            onChange={(_, d) => update({ defaultTerms: d.value })}
          />
        </Field>
        <Switch
          label={s.lateInterestLabel}
          checked={draft.lateInterestEnabled}
          onChange={(_, d) => update({ lateInterestEnabled: d.checked })}
        />
        <div className={view.grid2}>
          {numberField("interestRatePct", "interestRateLabel")}
          <Field label={s.feeRegimeLabel} size="small">
            <Select
              size="small"
              value={draft.feeRegime}
              onChange={(_, d) => update({ feeRegime: d.value === "UK" || d.value === "EU" ? d.value : "" })}
            >
              <option value="">{s.feeRegimeNone}</option>
              <option value="UK">{s.feeRegimeUK}</option>
              <option value="EU">{s.feeRegimeEU}</option>
            </Select>
          </Field>
        </div>
      </PolicySection>

      {err("general") ? (
        <MessageBar intent="error">
          <MessageBarBody>{err("general")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!parsed ? (
        <Text size={200} id={`${headingId}-errors`}>
          {s.policyHasErrors}
        </Text>
      ) : null}
      <div className={view.row}>
        <Button
          appearance="primary"
          disabled={!parsed || saving}
          aria-describedby={!parsed ? `${headingId}-errors` : undefined}
          onClick={() => void save()}
        >
          {s.savePolicy}
        </Button>
        <Button onClick={reset}>{s.resetPolicy}</Button>
        <Button disabled={!parsed} onClick={() => void copyJson()}>
          {s.copyPolicy}
        </Button>
      </div>
      {notice ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
