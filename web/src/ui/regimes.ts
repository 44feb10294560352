/**
 * The regime view's side panel: choose two or more laws (GDPR, the EU AI Act and China's labeling measures by
 * default), then read how each pair connects, in words, from /api/graph/regimes. Picking a connection highlights
 * its entities and relationships in the graph.
 */
import { displayName, t } from "../i18n.js";
import { state } from "../state.js";
import type { Connection } from "../types.js";
import { h, replace } from "./dom.js";
import { createSearchBox } from "./search.js";

export const DEFAULT_REGIMES = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"];

export function createRegimesPanel(): HTMLElement {
  const panel = h("section", { class: "panel regimes", "aria-label": "Regimes", "data-testid": "regimes-panel" });
  const names = new Map<string, string>();
  let draft: string[] = [...DEFAULT_REGIMES];
  let problem = "";

  const nameOf = (id: string) => {
    if (state.graph.hasNode(id)) return displayName(state.lang, state.graph.getNodeAttributes(id));
    return names.get(id) ?? id;
  };

  const search = createSearchBox({
    label: t(state.lang, "regimesAdd"),
    types: ["Law"],
    testId: "regimes-search",
    onPick: (hit) => {
      names.set(hit.id, displayName(state.lang, hit));
      if (!draft.includes(hit.id)) draft = [...draft, hit.id];
      render();
    },
  });

  const show = () => {
    if (draft.length < 2) {
      problem = t(state.lang, "regimesAtLeastTwo");
      render();
      return;
    }
    problem = "";
    state.setView({ kind: "regimes", laws: [...draft] });
  };

  const connectionItem = (c: Connection) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "connection",
          onclick: () => state.setHighlight({ nodes: new Set([c.from, c.to, ...c.via.map((v) => v.id)]), edges: new Set(c.relationshipIds) }),
        },
        c.explanation,
      ),
    );

  const render = () => {
    const lang = state.lang;
    const data = state.viewData;
    search.input.placeholder = t(lang, "regimesAdd");
    const chips = h(
      "ul",
      { class: "chips", "aria-label": t(lang, "regimesChoose") },
      draft.map((id) =>
        h(
          "li",
          { class: "chip" },
          h("span", {}, nameOf(id)),
          h("button", {
            type: "button",
            class: "icon-button",
            "aria-label": `${t(lang, "remove")} ${nameOf(id)}`,
            onclick: () => {
              draft = draft.filter((d) => d !== id);
              render();
            },
          }, "×"),
        ),
      ),
    );
    const pairs = data.regimes?.pairs ?? [];
    const explanation = h(
      "div",
      { class: "explanations", "data-testid": "regimes-explanations" },
      data.loading ? h("p", { class: "muted" }, t(lang, "loading")) : null,
      data.error ? h("p", { class: "error", role: "alert" }, data.error.message) : null,
      pairs.map((p) =>
        h(
          "section",
          { class: `pair ${p.connected ? "connected" : "unconnected"}`, "data-connected": String(p.connected) },
          h("h3", {}, `${nameOf(p.a)} ↔ ${nameOf(p.b)}`),
          p.connected ? h("ol", { class: "connections" }, p.connections.map(connectionItem)) : h("p", { class: "muted" }, t(lang, "regimesNotConnected")),
        ),
      ),
    );
    replace(
      panel,
      h("h2", { class: "panel-title" }, t(lang, "regimesTitle")),
      h("p", { class: "hint" }, t(lang, "regimesChoose")),
      chips,
      search.element,
      h("button", { type: "button", class: "primary", "data-testid": "regimes-show", onclick: show }, t(lang, "regimesShow")),
      problem ? h("p", { class: "error", role: "alert" }, problem) : null,
      explanation,
    );
  };

  state.on("view", () => {
    if (state.view.kind === "regimes") {
      draft = [...state.view.laws];
      render();
    }
  });
  state.on(["viewData", "lang", "graph"], () => {
    if (state.view.kind === "regimes") render();
  });
  render();
  return panel;
}
