/**
 * The regime view's side panel: choose two or more laws (GDPR, the EU AI Act and China's labeling measures by
 * default), then read how each pair connects, in words and in the chosen language, from /api/graph/regimes: article
 * by article first, then cross-references, counterparts in a third regime, shared enforcement and other links, each
 * kind under its own small heading. Picking a connection highlights its entities and relationships in the graph.
 */
import { displayName, t, type StringKey } from "../i18n.js";
import { state } from "../state.js";
import { CONNECTION_KINDS } from "../../../src/model/wire-constants.js";
import type { Connection, ConnectionKind } from "../../../src/model/wire.js";
import { h, replace } from "./dom.js";
import { createSearchBox } from "./search.js";

/** Leads longer than this are not set in bold. */
const MAX_LEAD_CHARS = 160;

export const DEFAULT_REGIMES = ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"];

export function createRegimesPanel(): HTMLElement {
  const panel = h("section", { class: "panel regimes", "data-testid": "regimes-panel" });
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

  const connectionItem = (c: Connection, pair: { a: string; b: string }) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "connection",
          "data-kind": c.kind,
          onclick: () => state.setHighlight(highlightOf(c, pair)),
        },
        ...sentence(c.explanation),
      ),
    );

  const kindGroup = (kind: ConnectionKind, list: Connection[], pair: { a: string; b: string }) =>
    h(
      "div",
      { class: "kind-group", "data-kind": kind },
      h("h4", { class: "kind-heading" }, t(state.lang, `kind_${kind}` as StringKey)),
      h(
        "ol",
        { class: "connections" },
        list.map((c) => connectionItem(c, pair)),
      ),
    );

  const render = () => {
    const lang = state.lang;
    const data = state.viewData;
    search.setLabel(t(lang, "regimesAdd"));
    const chips = h(
      "ul",
      { class: "chips", "aria-label": t(lang, "regimesChoose") },
      draft.map((id) =>
        h(
          "li",
          { class: "chip" },
          h("span", {}, nameOf(id)),
          h(
            "button",
            {
              type: "button",
              class: "icon-button",
              "aria-label": `${t(lang, "remove")} ${nameOf(id)}`,
              onclick: () => {
                draft = draft.filter((d) => d !== id);
                render();
              },
            },
            "×",
          ),
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
          {
            class: `pair ${p.connected ? "connected" : "unconnected"}`,
            "data-connected": String(p.connected),
            "data-a": p.a,
            "data-b": p.b,
          },
          h("h3", {}, `${nameOf(p.a)} ↔ ${nameOf(p.b)}`),
          p.connected
            ? byKind(p.connections).map(([kind, list]) => kindGroup(kind, list, p))
            : h("p", { class: "muted" }, t(lang, "regimesNotConnected")),
        ),
      ),
    );
    replace(
      panel,
      h("h2", { class: "panel-title" }, t(lang, "regimesTitle")),
      h("p", { class: "hint" }, t(lang, "regimesChoose")),
      chips,
      search.element,
      h(
        "button",
        { type: "button", class: "primary", "data-testid": "regimes-show", onclick: show },
        t(lang, "regimesShow"),
      ),
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

/** A pair's connections by kind, in the order of CONNECTION_KINDS (strongest first); unknown kinds go last as "other links". */
function byKind(connections: Connection[]): [ConnectionKind, Connection[]][] {
  const groups = new Map<ConnectionKind, Connection[]>();
  for (const c of connections) {
    const kind: ConnectionKind = (CONNECTION_KINDS as readonly string[]).includes(c.kind) ? c.kind : "incidental";
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind)!.push(c);
  }
  return CONNECTION_KINDS.filter((k) => groups.has(k)).map((k) => [k, groups.get(k)!]);
}

/**
 * What a picked connection lights up: its entities and relationships, and the two laws compared with the articles
 * that belong to them, so an article is never shown cut off from its law.
 */
function highlightOf(c: Connection, pair: { a: string; b: string }): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([c.from, c.to, ...c.via.map((v) => v.id), pair.a, pair.b]);
  const edges = new Set(c.relationshipIds);
  const g = state.graph;
  for (const n of nodes) {
    if (!g.hasNode(n)) continue;
    g.forEachEdge(n, (e, a, s, t) => {
      if (a.type === "HAS_PROVISION" && nodes.has(s) && nodes.has(t)) edges.add(e);
    });
  }
  return { nodes, edges };
}

/** The API's sentence with its lead ("A and B both concern X", "二者均关联Y") set apart from the detail after the colon. */
function sentence(text: string): (HTMLElement | string)[] {
  const m = /^(.{8,}?)([:：])\s*(.+)$/s.exec(text);
  // A long lead (a chain of intermediaries) in bold would outweigh the rest: it stays plain.
  if (!m || m[1].length > MAX_LEAD_CHARS) return [text];
  return [h("strong", { class: "lead" }, `${m[1]}${m[2]}`), " ", m[3]];
}
