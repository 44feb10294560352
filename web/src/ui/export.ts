/**
 * Export and re-open: a PNG of the canvas (@sigma/export-image), GEXF, GraphML and CSV from /api/export (the whole
 * graph with the current type filters, or the selected entity's neighbourhood), and a JSON of exactly the current
 * view (graph with positions, filters, view and language in the URL form) that "Open view…" reads back.
 */
import { drawOnCanvas } from "@sigma/export-image";

import { api } from "../api.js";
import { toWire } from "../graph/load.js";
import type { ExplorerSigma } from "../graph/renderer.js";
import { showFileGraph } from "../graph/views.js";
import { colorOf, FONT_STACK, NODE_SHAPES, RING_COLOR } from "../graph/settings.js";
import { t, typeName } from "../i18n.js";
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

export function createExportMenu(
  getSigma: () => ExplorerSigma | null,
  onOpened: (view?: SavedView) => void,
): HTMLElement {
  const menu = h("div", { class: "menu-items", role: "group" });
  const summary = h("summary", { class: "button-like", "data-testid": "export-menu" });
  const details = h("details", { class: "export-menu" }, summary, menu);
  const fileInput = h("input", {
    type: "file",
    accept: ".json,application/json",
    class: "visually-hidden",
    "data-testid": "open-view-input",
    tabindex: -1,
  });
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
    h(
      "a",
      { href: api.exportUrl(params), download: "", class: "menu-item", "data-testid": testId, role: "menuitem" },
      text,
    );

  const build = () => {
    const lang = state.lang;
    summary.textContent = t(lang, "exportMenu");
    openButton.textContent = t(lang, "openView");
    const presentTypes = new Set<string>();
    const presentRels = new Set<string>();
    state.graph.forEachNode((_n, a) => presentTypes.add(a.type));
    state.graph.forEachEdge((_e, a) => presentRels.add(a.type));
    const labels = state.filters.hiddenTypes.size
      ? [...presentTypes].filter((x) => !state.filters.hiddenTypes.has(x) && x !== "Entity")
      : undefined;
    const relTypes = state.filters.hiddenRelTypes.size
      ? [...presentRels].filter((x) => !state.filters.hiddenRelTypes.has(x))
      : undefined;
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
            if (s) void exportPng(s).then((blob) => blob && download(blob, `${FILE_STEM}.png`));
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
            const doc: SavedView = {
              format: "compliance-graph-view",
              version: 1,
              savedAt: new Date().toISOString(),
              lang: state.lang,
              hash: currentHash(),
              graph: toWire(state.graph),
            };
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

const PNG_HEADER = 64;
const PNG_FOOTER = 40;
const PNG_LEGEND = 230;

/**
 * The PNG of the view as a lawyer would paste it into a memo: the canvas (@sigma/export-image draws sigma's layers),
 * with a title, the date the data is current to and the export date above it, a legend of the types shown (hue and
 * shape) beside it, and the view's link below it, so that the picture leads back to the evidence.
 */
export async function exportPng(sigma: ExplorerSigma): Promise<Blob | null> {
  const lang = state.lang;
  const graph = await drawOnCanvas(sigma as unknown as Parameters<typeof drawOnCanvas>[0], {
    backgroundColor: "#ffffff",
  });
  const ratio = graph.width / Math.max(sigma.getDimensions().width, 1);
  const out = document.createElement("canvas");
  out.width = graph.width + PNG_LEGEND * ratio;
  out.height = graph.height + (PNG_HEADER + PNG_FOOTER) * ratio;
  const ctx = out.getContext("2d");
  if (!ctx) return null;
  ctx.scale(ratio, ratio);
  const w = out.width / ratio;
  const hgt = out.height / ratio;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, w, hgt);
  ctx.drawImage(graph, 0, PNG_HEADER, graph.width / ratio, graph.height / ratio);
  ctx.fillStyle = "#1d232b";
  ctx.font = `600 20px ${FONT_STACK}`;
  ctx.fillText(t(lang, "title"), 16, 28);
  ctx.font = `13px ${FONT_STACK}`;
  ctx.fillStyle = "#4a5563";
  const today = new Date().toISOString().slice(0, 10);
  ctx.fillText(
    [state.dataCurrentTo ? t(lang, "dataCurrent", { d: state.dataCurrentTo }) : "", t(lang, "exportedOn", { d: today })]
      .filter(Boolean)
      .join(" · "),
    16,
    50,
  );
  // Legend: the types present and visible, each drawn as the canvas draws it.
  const types = new Map<string, number>();
  state.graph.forEachNode((_n, a) => {
    if (!a.hidden) types.set(a.type, (types.get(a.type) ?? 0) + 1);
  });
  let y = PNG_HEADER + 12;
  const x = w - PNG_LEGEND + 16;
  ctx.font = `600 13px ${FONT_STACK}`;
  ctx.fillStyle = "#1d232b";
  ctx.fillText(t(lang, "legend"), x, y);
  ctx.font = `13px ${FONT_STACK}`;
  for (const type of [...types.keys()].sort()) {
    y += 22;
    const c = colorOf(type);
    const shape = NODE_SHAPES[type];
    const disc = (r: number, fill: string) => {
      ctx.beginPath();
      ctx.arc(x + 7, y - 4, r, 0, 2 * Math.PI);
      ctx.fillStyle = fill;
      ctx.fill();
    };
    if (shape === "ringed") {
      disc(7, RING_COLOR);
      disc(4.9, c);
    } else if (shape === "doubleRinged") {
      disc(7, c);
      disc(5.7, "#ffffff");
      disc(4.7, c);
    } else if (shape === "hollow") {
      disc(7, c);
      disc(4.3, "#ffffff");
    } else disc(6, c);
    ctx.fillStyle = "#1d232b";
    ctx.fillText(`${typeName(lang, type)} (${types.get(type)})`, x + 20, y);
  }
  ctx.fillStyle = "#4a5563";
  ctx.font = `12px ${FONT_STACK}`;
  ctx.fillText(`${t(lang, "viewLink")}: ${location.origin}${location.pathname}${currentHash()}`, 16, hgt - 15, w - 32);
  return new Promise((resolve) => out.toBlob((b) => resolve(b), "image/png"));
}
