/**
 * The path finder's side panel: from and to through the search box, whether paths may pass through jurisdictions and
 * topics, then the shortest paths between them, each hop named and pointing the way its relationship points
 * (`A —investigates→ B ←cites— C`); the graph highlights them and dims the rest, and picking a path shows it alone.
 */
import { displayName, relName, t } from "../i18n.js";
import { state } from "../state.js";
import type { PathHop, PathsResponse } from "../../../src/model/wire.js";
import { h, replace } from "./dom.js";
import { createSearchBox } from "./search.js";

export function createPathsPanel(): HTMLElement {
  const panel = h("section", { class: "panel paths", "data-testid": "paths-panel" });
  const names = new Map<string, string>();
  const ends: { from: string | null; to: string | null; avoidHubs: boolean } = {
    from: null,
    to: null,
    avoidHubs: true,
  };

  const nameOf = (id: string) =>
    state.graph.hasNode(id) ? displayName(state.lang, state.graph.getNodeAttributes(id)) : (names.get(id) ?? id);

  const box = (which: "from" | "to") =>
    createSearchBox({
      label: t(state.lang, which === "from" ? "pathFrom" : "pathTo"),
      keepValue: true,
      testId: `path-${which}`,
      onPick: (hit) => {
        names.set(hit.id, displayName(state.lang, hit));
        ends[which] = hit.id;
        state.setView({ kind: "path", from: ends.from, to: ends.to, avoidHubs: ends.avoidHubs });
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
      ends.avoidHubs = state.view.avoidHubs;
    }
    fromBox.setLabel(t(lang, "pathFrom"));
    toBox.setLabel(t(lang, "pathTo"));
    panel.setAttribute("aria-label", t(lang, "pathTitle"));
    if (document.activeElement !== fromBox.input) fromBox.setValue(ends.from ? nameOf(ends.from) : "");
    if (document.activeElement !== toBox.input) toBox.setValue(ends.to ? nameOf(ends.to) : "");
    const res = data.paths;
    const hops = res?.paths[0] ? res.paths[0].length - 1 : 0;
    const unique = res ? uniquePaths(res) : [];
    const avoid = h("input", { type: "checkbox", checked: ends.avoidHubs, "data-testid": "path-avoid-hubs" });
    avoid.addEventListener("change", () => {
      ends.avoidHubs = avoid.checked;
      state.setView({ kind: "path", from: ends.from, to: ends.to, avoidHubs: ends.avoidHubs });
    });
    const showOne = (p: PathItem) =>
      state.setHighlight({
        nodes: new Set(p.nodes),
        edges: new Set(p.hops.map((x) => x.relationshipId).filter((k) => state.graph.hasEdge(k))),
      });
    replace(
      panel,
      h("h2", { class: "panel-title" }, t(lang, "pathTitle")),
      h(
        "div",
        { class: "field" },
        h("span", { class: "field-label", "aria-hidden": "true" }, t(lang, "pathFrom")),
        fromBox.element,
      ),
      h(
        "div",
        { class: "field" },
        h("span", { class: "field-label", "aria-hidden": "true" }, t(lang, "pathTo")),
        toBox.element,
      ),
      h("label", { class: "check", title: t(lang, "pathAvoidHubsHint") }, avoid, ` ${t(lang, "pathAvoidHubs")}`),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            state.setHighlight(null);
            state.setView({ kind: "path", from: null, to: null, avoidHubs: ends.avoidHubs });
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
            h(
              "p",
              { role: "status" },
              res.found ? t(lang, "pathFound", { n: unique.length, h: hops }) : t(lang, "pathNone"),
            ),
            h(
              "ol",
              { class: "path-list" },
              unique.map((p) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    { type: "button", class: "path-chain", "data-testid": "path-chain", onclick: () => showOne(p) },
                    chain(p, nameOf, lang),
                  ),
                ),
              ),
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

interface PathItem {
  nodes: string[];
  hops: PathHop[];
}

/** The API may return the same chain twice (parallel relationships of one type); list each chain of hops once. */
function uniquePaths(res: PathsResponse): PathItem[] {
  const seen = new Set<string>();
  const out: PathItem[] = [];
  res.paths.forEach((nodes, i) => {
    const hops = res.hops?.[i] ?? [];
    const key = hops.length
      ? hops.map((x) => `${x.from}|${x.type}|${x.direction}`).join(">") + `>${nodes[nodes.length - 1]}`
      : nodes.join("|");
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ nodes, hops });
  });
  return out;
}

/**
 * A path in words: names joined by the relationship's name, the arrow pointing the way the relationship points
 * (`ByteDance —develops→ Doubao ←investigates— CAC`), so a lawyer never reads "X fines Y" backwards.
 */
function chain(p: PathItem, nameOf: (id: string) => string, lang: "en" | "zh"): (HTMLElement | string)[] {
  if (!p.hops.length) return [p.nodes.map(nameOf).join(" → ")];
  const out: (HTMLElement | string)[] = [h("span", { class: "path-node" }, nameOf(p.hops[0].from))];
  for (const hop of p.hops) {
    const rel = relName(lang, hop.type);
    out.push(
      h(
        "span",
        { class: `path-hop ${hop.direction}`, "data-testid": "path-hop", "data-type": hop.type },
        hop.direction === "forward" ? ` —${rel}→ ` : ` ←${rel}— `,
      ),
    );
    out.push(h("span", { class: "path-node" }, nameOf(hop.to)));
  }
  return out;
}
