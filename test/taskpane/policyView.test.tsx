/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen } from "@testing-library/react";
import { DEFAULT_POLICY, mergePolicy, type Policy } from "../../src/engine/policy";
import { readPolicyFile } from "../../src/cli/options";
import { PolicyView } from "../../src/taskpane/views/PolicyView";
import { draftFromPolicy, policyFromDraft } from "../../src/taskpane/policyForm";
import { paneStrings } from "../../src/taskpane/strings";
import { fakeServices, renderInPane, renderPane } from "./fakes";

const en = paneStrings("en-US");
const zh = paneStrings("zh-CN");

function saveButton(name = en.savePolicy): HTMLButtonElement {
  return screen.getByRole("button", { name }) as HTMLButtonElement;
}

describe("Policy view", () => {
  test("shows the policy in English and Chinese", () => {
    const a = renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />);
    expect((screen.getByLabelText(en.edgesLabel) as HTMLInputElement).value).toBe("30, 60, 90");
    expect((screen.getByLabelText(en.lossRatesLabel) as HTMLInputElement).value).toBe(
      "0.3, 1.6, 3.6, 6.6, 10.6",
    );
    expect((screen.getByLabelText(en.insurerDaysLabel) as HTMLInputElement).value).toBe("60");
    expect((screen.getByLabelText(en.nearLimitLabel) as HTMLInputElement).value).toBe("90");
    a.unmount();
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />, "zh-CN");
    expect(screen.getByRole("heading", { level: 2, name: zh.policyHeading })).toBeTruthy();
    expect(screen.getByLabelText(zh.edgesLabel)).toBeTruthy();
    expect(saveButton(zh.savePolicy).disabled).toBe(false);
  });

  test('bad edges ("30,20") show an inline error and disable Save', () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />);
    const edges = screen.getByLabelText(en.edgesLabel);
    fireEvent.change(edges, { target: { value: "30,20" } });
    expect(edges.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/edges must be ascending \(30 then 20\)/)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(edges, { target: { value: "30, x" } });
    expect(screen.getByText(en.notAList)).toBeTruthy();
    fireEvent.change(edges, { target: { value: "30, 60, 90" } });
    expect(saveButton().disabled).toBe(false);
  });

  test("Chinese inline errors; loss-rate count must follow the edges", () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />, "zh-CN");
    fireEvent.change(screen.getByLabelText(zh.edgesLabel), { target: { value: "30, 60, 90, 120" } });
    expect(screen.getByText("请提供6个损失率，每个账龄区间一个。")).toBeTruthy();
    expect(saveButton(zh.savePolicy).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(zh.lossRatesLabel), {
      target: { value: "0.3, 1.6, 3.6, 6.6, 10.6, 20" },
    });
    expect(saveButton(zh.savePolicy).disabled).toBe(false);
  });

  test("Save stores the typed policy; Reset restores the defaults", async () => {
    const saved: Policy[] = [];
    const base = mergePolicy({ breaches: { ...DEFAULT_POLICY.breaches, insurerMaxExtensionDays: 90 } });
    renderInPane(<PolicyView policy={base} onSave={async (p) => void saved.push(p)} />);
    expect((screen.getByLabelText(en.insurerDaysLabel) as HTMLInputElement).value).toBe("90");
    fireEvent.change(screen.getByLabelText(en.insurerDaysLabel), { target: { value: "45" } });
    fireEvent.change(screen.getByLabelText(en.lossRatesLabel), { target: { value: "0.5, 2, 4, 8, 12" } });
    await act(async () => fireEvent.click(saveButton()));
    expect(saved).toHaveLength(1);
    expect(saved[0].breaches.insurerMaxExtensionDays).toBe(45);
    expect(saved[0].lossRates).toEqual([0.005, 0.02, 0.04, 0.08, 0.12]);
    expect(await screen.findByText(en.policySaved)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: en.resetPolicy }));
    expect((screen.getByLabelText(en.insurerDaysLabel) as HTMLInputElement).value).toBe("60");
    expect(screen.getByText(en.policyReset)).toBeTruthy();
    await act(async () => fireEvent.click(saveButton()));
    expect(saved[1]).toEqual(mergePolicy());
  });

  test("Copy as JSON gives the typed policy, which the command line's --policy reads back unchanged", async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (t: string) => void writes.push(t) },
    });
    const base = mergePolicy({ dateOrder: "DMY", baseCurrency: "GBP", rates: { USD: 0.79 } });
    renderInPane(<PolicyView policy={base} onSave={async () => undefined} />);
    fireEvent.change(screen.getByLabelText(en.insurerDaysLabel), { target: { value: "45" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: en.copyPolicy })));
    expect(await screen.findByText(en.policyCopied)).toBeTruthy();
    const expected = { ...base, breaches: { ...base.breaches, insurerMaxExtensionDays: 45 } };
    expect(JSON.parse(writes[0]!)).toEqual(expected);
    const read = readPolicyFile(writes[0]!, "policy.json");
    expect(read).toEqual({ ok: true, policy: expected });
    // A draft with errors cannot be copied.
    fireEvent.change(screen.getByLabelText(en.edgesLabel), { target: { value: "30,20" } });
    expect((screen.getByRole("button", { name: en.copyPolicy }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("not-a-number and weight errors are shown per field", () => {
    renderInPane(<PolicyView policy={mergePolicy()} onSave={async () => undefined} />);
    const payment = screen.getByLabelText(en.weight_payment);
    fireEvent.change(payment, { target: { value: "abc" } });
    expect(payment.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(en.notANumber)).toBeTruthy();
    fireEvent.change(payment, { target: { value: "0" } });
    for (const k of ["weight_utilization", "weight_altman", "weight_years", "weight_disputes"] as const) {
      fireEvent.change(screen.getByLabelText(en[k]), { target: { value: "0" } });
    }
    expect(screen.getByRole("alert").textContent).toBe("At least one score weight must be above 0.");
    expect(saveButton().disabled).toBe(true);
  });

  test("in the pane, saving calls services.savePolicy", async () => {
    const services = fakeServices();
    renderPane(services, "en-US", "policy");
    const insurer = await screen.findByLabelText(en.insurerDaysLabel);
    fireEvent.change(insurer, { target: { value: "75" } });
    await act(async () => fireEvent.click(saveButton()));
    expect(services.calls.savePolicy[0].breaches.insurerMaxExtensionDays).toBe(75);
  });

  test("draft round trip is lossless for the default policy", () => {
    const p = mergePolicy();
    expect(policyFromDraft(draftFromPolicy(p), p)).toEqual({ policy: p, errors: {} });
  });
});
