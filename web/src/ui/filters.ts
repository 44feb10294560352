/**
 * The filters panel: the legend of entity types (colour, count, a checkbox to show or hide each), relationship
 * types, basis (reported / curated), jurisdictions, and the timeline slider with play, month by month. It reads
 * the graph and state, and changes only the filter state; the filters controller sets `hidden`.
 */
import { monthRange } from "../graph/load.js";
import { colorOf, NODE_SHAPES } from "../graph/settings.js";
import { displayName, relName, t, typeName } from "../i18n.js";
import { emptyFilters, state } from "../state.js";
import { h, replace, uid } from "./dom.js";

const PLAY_STEP_MS = 700;
const TYPE_ORDER = [
  "Law",
  "Provision",
  "Obligation",
  "Role",
  "Penalty",
  "Regulator",
  "Court",
  "Company",
  "Organization",
  "Person",
  "Model",
  "Case",
  "Topic",
  "Jurisdiction",
  "Source",
];

function toggle(set: Set<string>, value: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function createFiltersPanel(): HTMLElement {
  const panel = h("section", { class: "panel filters", "aria-label": "Filters" });
  let playTimer: ReturnType<typeof setInterval> | undefined;
  let months: string[] = [];
  let slider: HTMLInputElement | null = null;
  let sliderLabel: HTMLElement | null = null;
  let playButton: HTMLButtonElement | null = null;
  const boxes: { input: HTMLInputElement; sync: () => boolean }[] = [];

  const stop = () => {
    if (playTimer) clearInterval(playTimer);
    playTimer = undefined;
    if (playButton) playButton.textContent = `▶ ${t(state.lang, "play")}`;
  };

  const untilLabel = (i: number) =>
    i >= months.length ? t(state.lang, "timelineAll") : `${t(state.lang, "timelineUntil")} ${months[i]}`;

  const sync = () => {
    for (const b of boxes) b.input.checked = b.sync();
    if (slider && sliderLabel) {
      const idx = state.filters.until ? months.indexOf(state.filters.until) : months.length;
      slider.value = String(idx < 0 ? months.length : idx);
      sliderLabel.textContent = untilLabel(Number(slider.value));
      slider.setAttribute("aria-valuetext", sliderLabel.textContent);
    }
  };

  const build = () => {
    const lang = state.lang;
    const g = state.graph;
    boxes.length = 0;
    const typeCounts = new Map<string, number>();
    const relCounts = new Map<string, number>();
    const basisCounts = new Map<string, number>();
    const jurisdictions: { id: string; name: string }[] = [];
    g.forEachNode((n, a) => {
      typeCounts.set(a.type, (typeCounts.get(a.type) ?? 0) + 1);
      if (a.type === "Jurisdiction") jurisdictions.push({ id: n, name: displayName(lang, a) });
    });
    g.forEachEdge((_e, a) => {
      relCounts.set(a.type, (relCounts.get(a.type) ?? 0) + 1);
      if (typeof a.basis === "string") basisCounts.set(a.basis, (basisCounts.get(a.basis) ?? 0) + 1);
    });
    for (const id of state.filters.jurisdictions)
      if (!jurisdictions.some((j) => j.id === id)) jurisdictions.push({ id, name: id });
    jurisdictions.sort((a, b) => a.name.localeCompare(b.name));
    months = monthRange((g.getAttribute("months") as string[] | undefined) ?? []);

    const checkbox = (
      labelText: string,
      checked: () => boolean,
      onChange: (on: boolean) => void,
      extra?: HTMLElement,
      testId?: string,
    ) => {
      const input = h("input", { type: "checkbox", checked: checked(), "data-testid": testId });
      input.addEventListener("change", () => onChange(input.checked));
      boxes.push({ input, sync: checked });
      return h("label", { class: "check" }, input, extra ?? null, ` ${labelText}`);
    };

    const types = [...typeCounts.keys()].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
    const legend = h(
      "fieldset",
      { class: "legend", "data-testid": "legend" },
      h("legend", {}, t(lang, "legend")),
      types.map((type) =>
        checkbox(
          `${typeName(lang, type)} (${typeCounts.get(type)})`,
          () => !state.filters.hiddenTypes.has(type),
          (on) => state.setFilters({ hiddenTypes: toggle(state.filters.hiddenTypes, type, !on) }),
          // The legend shows both channels: the hue and, for laws, regulators and cases, the shape drawn on the canvas.
          h("span", {
            class: `swatch${NODE_SHAPES[type] ? ` shape-${NODE_SHAPES[type]}` : ""}`,
            style: `--c:${colorOf(type)};background:${colorOf(type)}`,
            "aria-hidden": "true",
          }),
          `type-${type}`,
        ),
      ),
    );

    const rels = [...relCounts.keys()].sort();
    const relSet = h(
      "fieldset",
      { class: "rel-types" },
      h("legend", {}, t(lang, "relTypes")),
      h(
        "div",
        { class: "scroll-list" },
        rels.map((rt) =>
          checkbox(
            `${relName(lang, rt)} (${relCounts.get(rt)})`,
            () => !state.filters.hiddenRelTypes.has(rt),
            (on) => state.setFilters({ hiddenRelTypes: toggle(state.filters.hiddenRelTypes, rt, !on) }),
            undefined,
            `rel-${rt}`,
          ),
        ),
      ),
    );

    const basisSet = h(
      "fieldset",
      { class: "basis-set" },
      h("legend", {}, t(lang, "basis")),
      (["reported", "curated"] as const).map((b) =>
        checkbox(
          `${t(lang, b)} (${basisCounts.get(b) ?? 0})`,
          () => !state.filters.hiddenBases.has(b),
          (on) => state.setFilters({ hiddenBases: toggle(state.filters.hiddenBases, b, !on) }),
          undefined,
          `basis-${b}`,
        ),
      ),
    );

    const jurSet = h(
      "fieldset",
      { class: "jurisdictions" },
      h("legend", {}, t(lang, "jurisdictions")),
      h("p", { class: "hint" }, t(lang, "jurisdictionsHint")),
      h(
        "div",
        { class: "scroll-list" },
        jurisdictions.map((j) =>
          checkbox(
            j.name,
            () => state.filters.jurisdictions.has(j.id),
            (on) => state.setFilters({ jurisdictions: toggle(state.filters.jurisdictions, j.id, on) }),
            undefined,
            `jur-${j.id}`,
          ),
        ),
      ),
    );

    const sliderId = uid("timeline");
    slider = h("input", {
      id: sliderId,
      type: "range",
      min: 0,
      max: months.length,
      step: 1,
      value: months.length,
      "data-testid": "timeline",
      disabled: months.length === 0,
    });
    sliderLabel = h("output", { for: sliderId, class: "timeline-value", "data-testid": "timeline-value" });
    slider.addEventListener("input", () => {
      stop();
      const i = Number(slider!.value);
      state.setFilters({ until: i >= months.length ? null : months[i] });
    });
    playButton = h("button", {
      type: "button",
      class: "play",
      "data-testid": "timeline-play",
      disabled: months.length === 0,
      onclick: () => {
        if (playTimer) return stop();
        let i = state.filters.until ? months.indexOf(state.filters.until) : -1;
        if (i < 0 || i >= months.length - 1) i = -1;
        playButton!.textContent = `⏸ ${t(state.lang, "pause")}`;
        playTimer = setInterval(() => {
          i += 1;
          if (i >= months.length) {
            state.setFilters({ until: null });
            stop();
            return;
          }
          state.setFilters({ until: months[i] });
        }, PLAY_STEP_MS);
      },
    }) as HTMLButtonElement;
    playButton.textContent = `${playTimer ? "⏸" : "▶"} ${t(lang, playTimer ? "pause" : "play")}`;
    const timeline = h(
      "fieldset",
      { class: "timeline", hidden: months.length === 0 },
      h("legend", {}, t(lang, "timeline")),
      h("label", { for: sliderId, class: "visually-hidden" }, t(lang, "timeline")),
      slider,
      h("div", { class: "timeline-row" }, playButton, sliderLabel),
    );

    const reset = h(
      "button",
      {
        type: "button",
        class: "reset",
        onclick: () => {
          stop();
          state.setFilters(emptyFilters());
        },
      },
      t(lang, "resetFilters"),
    );

    replace(
      panel,
      h("h2", { class: "panel-title" }, t(lang, "filters")),
      timeline,
      legend,
      basisSet,
      relSet,
      jurSet,
      reset,
    );
    sync();
  };

  state.on(["graph", "lang"], build);
  state.on("filters", sync);
  build();
  return panel;
}
