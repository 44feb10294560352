/**
 * Export and re-open: a PNG of the canvas (@sigma/export-image), GEXF, GraphML and CSV from /api/export (the whole
 * graph with the current type filters, or the selected entity's neighbourhood), and a JSON of exactly the current
 * view (graph with positions, filters, view and language in the URL form) that "Open view…" reads back.
 */
import { downloadAsPNG } from "@sigma/export-image";

import { api } from "../api.js";
import { toWire } from "../graph/load.js";
import type { ExplorerSigma } from "../graph/renderer.js";
import { showFileGraph } from "../graph/views.js";
import { t } from "../i18n.js";
import { state } from "../state.js";
import type { WireGraph } from "../../../src/model/wire.js";
import type { SavedView } from "../types.js";
import { currentHash, parseHash } from "../url.js";
import { h, replace } from "./dom.js";

const FILE_STEM = "compliance-graph";

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Checks that a parsed file is a saved view or a graphology graph, and returns its graph. */
export function readViewFile(data: unknown): { graph: WireGraph; view?: SavedView } {
  const isGraph = (g: unknown): g is WireGraph =>
    !!g && typeof g === "object" && Array.isArray((g as WireGraph).nodes) && Array.isArray((g as WireGraph).edges);
  if (data && typeof data === "object" && (data as SavedView).format === "compliance-graph-view") {
    const v = data as SavedView;
    if (!isGraph(v.graph)) throw new Error("the graph is missing");
    return { graph: v.graph, view: v };
  }
  if (isGraph(data)) return { graph: data };
  throw new Error("expected a saved view or a graphology JSON graph (nodes and edges)");
}

export function createExportMenu(getSigma: () => ExplorerSigma | null, onOpened: (view?: SavedView) => void): HTMLElement {
  const menu = h("div", { class: "menu-items", role: "group" });
  const summary = h("summary", { class: "button-like", "data-testid": "export-menu" });
  const details = h("details", { class: "export-menu" }, summary, menu);
  const fileInput = h("input", { type: "file", accept: ".json,application/json", class: "visually-hidden", "data-testid": "open-view-input", tabindex: -1 });
  const openButton = h("button", { type: "button", "data-testid": "open-view", onclick: () => fileInput.click() });
  const message = h("span", { class: "menu-message", role: "status" });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const { graph, view } = readViewFile(JSON.parse(await file.text()));
      state.setView({ kind: "file", name: file.name });
      showFileGraph(graph);
      onOpened(view);
      state.setStatus(t(state.lang, "fileView", { name: file.name }));
    } catch (err) {
      state.setStatus(t(state.lang, "badFile", { why: (err as Error).message }));
    }
  });

  const link = (text: string, params: Parameters<typeof api.exportUrl>[0], testId: string) =>
    h("a", { href: api.exportUrl(params), download: "", class: "menu-item", "data-testid": testId, role: "menuitem" }, text);

  const build = () => {
    const lang = state.lang;
    summary.textContent = t(lang, "exportMenu");
    openButton.textContent = t(lang, "openView");
    const presentTypes = new Set<string>();
    const presentRels = new Set<string>();
    state.graph.forEachNode((_n, a) => presentTypes.add(a.type));
    state.graph.forEachEdge((_e, a) => presentRels.add(a.type));
    const labels = state.filters.hiddenTypes.size ? [...presentTypes].filter((x) => !state.filters.hiddenTypes.has(x) && x !== "Entity") : undefined;
    const relTypes = state.filters.hiddenRelTypes.size ? [...presentRels].filter((x) => !state.filters.hiddenRelTypes.has(x)) : undefined;
    const sel = state.selected;
    replace(
      menu,
      h("p", { class: "menu-heading" }, t(lang, "exportView")),
      h(
        "button",
        {
          type: "button",
          class: "menu-item",
          "data-testid": "export-png",
          onclick: () => {
            const s = getSigma();
            if (s) void downloadAsPNG(s as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: FILE_STEM, backgroundColor: "#ffffff" });
          },
        },
        t(lang, "exportPng"),
      ),
      h(
        "button",
        {
          type: "button",
          class: "menu-item",
          "data-testid": "export-json",
          onclick: () => {
            const doc: SavedView = { format: "compliance-graph-view", version: 1, savedAt: new Date().toISOString(), lang: state.lang, hash: currentHash(), graph: toWire(state.graph) };
            download(new Blob([JSON.stringify(doc)], { type: "application/json" }), `${FILE_STEM}-view.json`);
          },
        },
        t(lang, "exportJson"),
      ),
      h("p", { class: "menu-heading" }, t(lang, "exportScopeAll")),
      link(t(lang, "exportGexf"), { format: "gexf", labels, relTypes }, "export-gexf"),
      link(t(lang, "exportGraphml"), { format: "graphml", labels, relTypes }, "export-graphml"),
      link(t(lang, "exportCsvNodes"), { format: "csv", part: "nodes", labels, relTypes }, "export-csv-nodes"),
      link(t(lang, "exportCsvEdges"), { format: "csv", part: "edges", labels, relTypes }, "export-csv-edges"),
      sel
        ? [
            h("p", { class: "menu-heading" }, t(lang, "exportScopeEntity")),
            link(t(lang, "exportGexf"), { format: "gexf", id: sel }, "export-gexf-entity"),
            link(t(lang, "exportCsvEdges"), { format: "csv", part: "edges", id: sel }, "export-csv-entity"),
          ]
        : null,
      h("hr", {}),
      openButton,
      fileInput,
      message,
    );
  };

  details.addEventListener("toggle", () => {
    if (details.open) build();
  });
  state.on("lang", build);
  build();
  return details;
}

/** The filters and language a saved view carries (its view itself stays "file"). */
export function savedViewState(view: SavedView) {
  return parseHash(view.hash);
}
