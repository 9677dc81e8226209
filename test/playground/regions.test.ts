/** @jest-environment jsdom */
/** F6 regions (src/playground/regions.ts): which key moves, which region comes next, where the focus lands. */
import { firstTabbable, nextRegion, regionKey, type Region } from "../../src/playground/regions";

const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe("regionKey", () => {
  it("F6 and Ctrl+F6 go forward, Shift+F6 and Ctrl+Shift+F6 back", () => {
    expect(regionKey(key("F6"))).toBe(1);
    expect(regionKey({ ...key("F6"), ctrlKey: true } as ReturnType<typeof key>)).toBe(1);
    expect(regionKey(key("F6", { shiftKey: true }))).toBe(-1);
  });
  it("ignores other keys and Alt/Meta+F6", () => {
    expect(regionKey(key("F5"))).toBeNull();
    expect(regionKey(key("Tab"))).toBeNull();
    expect(regionKey(key("F6", { altKey: true }))).toBeNull();
    expect(regionKey(key("F6", { metaKey: true }))).toBeNull();
  });
});

describe("nextRegion", () => {
  function setup() {
    document.body.innerHTML = `
      <div id="grid" tabindex="0"></div>
      <aside id="pane"><button id="b1">Score</button></aside>
      <header id="top"><select id="s1"></select></header>
      <p id="outside" tabindex="0"></p>`;
    const el = (id: string) => document.getElementById(id)!;
    const regions: Region[] = ["grid", "pane", "top"].map((id) => ({ root: el(id), target: () => el(id) }));
    return { el, regions };
  }

  it("cycles grid → pane → top bar → grid, and back with Shift", () => {
    const { el, regions } = setup();
    expect(nextRegion(regions, el("grid"), 1)?.root.id).toBe("pane");
    expect(nextRegion(regions, el("b1"), 1)?.root.id).toBe("top");
    expect(nextRegion(regions, el("s1"), 1)?.root.id).toBe("grid");
    expect(nextRegion(regions, el("grid"), -1)?.root.id).toBe("top");
    expect(nextRegion(regions, el("b1"), -1)?.root.id).toBe("grid");
  });

  it("from outside every region enters the first (forward) or the last (back)", () => {
    const { el, regions } = setup();
    expect(nextRegion(regions, el("outside"), 1)?.root.id).toBe("grid");
    expect(nextRegion(regions, document.body, -1)?.root.id).toBe("top");
  });

  it("skips regions no longer in the document and returns null when none is left", () => {
    const { el, regions } = setup();
    el("pane").remove();
    expect(nextRegion(regions, el("grid"), 1)?.root.id).toBe("top");
    el("grid").remove();
    el("top").remove();
    expect(nextRegion(regions, null, 1)).toBeNull();
  });
});

describe("firstTabbable", () => {
  it("skips disabled, hidden, tabindex=-1 and focus-guard elements", () => {
    document.body.innerHTML = `
      <div id="root">
        <span tabindex="0" data-tabster-dummy=""></span>
        <button disabled>off</button>
        <div hidden><button>hidden</button></div>
        <div aria-hidden="true"><a href="#x">aria hidden</a></div>
        <input type="hidden" />
        <button tabindex="-1">minus one</button>
        <button id="target">Score</button>
      </div>`;
    expect(firstTabbable(document.getElementById("root")!)?.id).toBe("target");
  });
  it("is null when nothing can take the focus", () => {
    document.body.innerHTML = `<div id="root"><span>text</span></div>`;
    expect(firstTabbable(document.getElementById("root")!)).toBeNull();
  });
});
