/**
 * The path finder's side panel: from and to through the search box, then the shortest paths between them, listed
 * as chains of names; the graph highlights them and dims the rest.
 */
import { displayName, t } from "../i18n.js";
import { state } from "../state.js";
import { h, replace } from "./dom.js";
import { createSearchBox } from "./search.js";

export function createPathsPanel(): HTMLElement {
  const panel = h("section", { class: "panel paths", "aria-label": "Path finder", "data-testid": "paths-panel" });
  const names = new Map<string, string>();
  const ends: { from: string | null; to: string | null } = { from: null, to: null };

  const nameOf = (id: string) => (state.graph.hasNode(id) ? displayName(state.lang, state.graph.getNodeAttributes(id)) : (names.get(id) ?? id));

  const box = (which: "from" | "to") =>
    createSearchBox({
      label: t(state.lang, which === "from" ? "pathFrom" : "pathTo"),
      keepValue: true,
      testId: `path-${which}`,
      onPick: (hit) => {
        names.set(hit.id, displayName(state.lang, hit));
        ends[which] = hit.id;
        state.setView({ kind: "path", from: ends.from, to: ends.to });
      },
    });
  const fromBox = box("from");
  const toBox = box("to");

  const render = () => {
    const lang = state.lang;
    const data = state.viewData;
    if (state.view.kind === "path") {
      ends.from = state.view.from;
      ends.to = state.view.to;
    }
    if (document.activeElement !== fromBox.input) fromBox.setValue(ends.from ? nameOf(ends.from) : "");
    if (document.activeElement !== toBox.input) toBox.setValue(ends.to ? nameOf(ends.to) : "");
    const res = data.paths;
    const hops = res?.paths[0] ? res.paths[0].length - 1 : 0;
    const unique = res ? uniquePaths(res.paths) : [];
    replace(
      panel,
      h("h2", { class: "panel-title" }, t(lang, "pathTitle")),
      h("div", { class: "field" }, h("span", { class: "field-label", "aria-hidden": "true" }, t(lang, "pathFrom")), fromBox.element),
      h("div", { class: "field" }, h("span", { class: "field-label", "aria-hidden": "true" }, t(lang, "pathTo")), toBox.element),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            state.setHighlight(null);
            state.setView({ kind: "path", from: null, to: null });
          },
        },
        t(lang, "pathClear"),
      ),
      data.loading ? h("p", { class: "muted" }, t(lang, "loading")) : null,
      data.error ? h("p", { class: "error", role: "alert" }, data.error.message) : null,
      res
        ? h(
            "div",
            { class: "path-results", "data-testid": "path-results" },
            h("p", { role: "status" }, res.found ? t(lang, "pathFound", { n: unique.length, h: hops }) : t(lang, "pathNone")),
            h(
              "ol",
              { class: "path-list" },
              unique.map((p) => h("li", {}, p.map((id) => nameOf(id)).join(" → "))),
            ),
          )
        : null,
    );
  };

  state.on(["view", "viewData", "lang"], () => {
    if (state.view.kind === "path") render();
  });
  render();
  return panel;
}

/** The API may return the same chain of entities twice (through parallel relationships); list each once. */
function uniquePaths(paths: string[][]): string[][] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = p.join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
