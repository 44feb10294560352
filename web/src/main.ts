/**
 * The explorer's entry: builds the page (top bar with search, views, export and language; filters on the left;
 * the sigma canvas; the dossier or the view's panel on the right; the briefing page), wires state, controllers
 * and panels, reads the URL, and exposes a read-only hook for the end-to-end tests (window.__explorer).
 */
import "./style.css";

import { watchHealth } from "./api.js";
import { applyView, canvasReplaced } from "./controller.js";
import { applyFilters, bindFilters, visibleCounts } from "./graph/filters.js";
import { explainLabel } from "./graph/reducers.js";
import { createRenderer, fitCamera, type ExplorerSigma } from "./graph/renderer.js";
import { pickEntity, setRenderer } from "./graph/views.js";
import { t, type StringKey } from "./i18n.js";
import { state } from "./state.js";
import type { SavedView, ViewKind } from "./types.js";
import { createBanner } from "./ui/banner.js";
import { createBriefingPage } from "./ui/briefing.js";
import { createConsolePanel, DEFAULT_QUERY } from "./ui/console.js";
import { createDetailsPanel } from "./ui/details.js";
import { h, replace } from "./ui/dom.js";
import { createExportMenu, savedViewState } from "./ui/export.js";
import { createFiltersPanel } from "./ui/filters.js";
import { createPathsPanel } from "./ui/paths.js";
import { createRegimesPanel, DEFAULT_REGIMES } from "./ui/regimes.js";
import { createReviewPage } from "./ui/review.js";
import { createSearchBox } from "./ui/search.js";
import { createWhatsNewPage } from "./ui/whatsnew.js";
import { bindUrl, currentHash, PAGES, pageOf, parseHash, queryOf, sameView, type Page } from "./url.js";

const root = document.getElementById("app")!;
let sigma: ExplorerSigma | null = null;

// ---- Layout -----------------------------------------------------------------------------------------------
const health = watchHealth();
const banner = createBanner(() => {
  health.retryNow();
  void applyView();
});

const search = createSearchBox({
  label: t(state.lang, "search"),
  placeholder: t(state.lang, "searchPlaceholder"),
  testId: "search",
  onPick: (hit) => void pickEntity(hit.id),
});

const TABS: { kind: ViewKind; key: StringKey }[] = [
  { kind: "explore", key: "viewExplore" },
  { kind: "regimes", key: "viewRegimes" },
  { kind: "path", key: "viewPath" },
  { kind: "console", key: "viewConsole" },
];
const tabButtons = TABS.map(({ kind }) =>
  h("button", {
    type: "button",
    class: "tab",
    "data-view": kind,
    "data-testid": `tab-${kind}`,
    onclick: () => switchView(kind),
  }),
);
// Pages of their own (not views of the graph): links that change the hash, styled like the view tabs.
const PAGE_LINKS: { page: Page; key: StringKey }[] = [
  { page: "whatsnew", key: "viewWhatsNew" },
  { page: "review", key: "viewReview" },
];
const pageButtons = PAGE_LINKS.map(({ page }) =>
  h("button", {
    type: "button",
    class: "tab",
    "data-page": page,
    "data-testid": `tab-${page}`,
    onclick: () => (location.hash = `#/${page}`),
  }),
);
const nav = h("nav", { class: "tabs" }, tabButtons, pageButtons);

const langButtons = (["en", "zh"] as const).map((lang) =>
  h(
    "button",
    {
      type: "button",
      class: "lang",
      "data-lang": lang,
      "data-testid": `lang-${lang}`,
      onclick: () => state.setLang(lang),
    },
    lang === "en" ? "EN" : "中文",
  ),
);
const langGroup = h("div", { class: "lang-toggle", role: "group" }, langButtons);

const exportMenu = createExportMenu(
  () => sigma,
  (view) => applySavedView(view),
);
const title = h("h1", { class: "app-title" });
/** "Data current to <date>": the newest source, so that nobody reads an old graph as today's. */
const currency = h("span", { class: "currency", "data-testid": "data-current", hidden: true });
const copyLink = h("button", {
  type: "button",
  class: "button-like",
  "data-testid": "copy-link",
  onclick: () => void copyViewLink(),
});
const header = h("header", { class: "topbar" }, title, search.element, nav, copyLink, exportMenu, langGroup);

/** Copies the link of exactly this view (view, filters, selection, language) to the clipboard. */
async function copyViewLink(): Promise<void> {
  const url = `${location.origin}${location.pathname}${currentHash()}`;
  try {
    await navigator.clipboard.writeText(url);
    state.setStatus(t(state.lang, "linkCopied"));
  } catch {
    // No clipboard permission (an insecure origin): show the link so it can be copied by hand.
    state.setStatus(url);
  }
}

const filtersPanel = createFiltersPanel();
const graphContainer = h("div", { class: "graph", "data-testid": "graph" });
const counts = h("span", { class: "counts", "data-testid": "counts" });
const statusLine = h("span", { class: "status", role: "status", "data-testid": "status" });
const backButton = h("button", {
  type: "button",
  class: "back-overview",
  hidden: true,
  "data-testid": "back-overview",
  onclick: () => switchView("explore"),
});
const zoomButtons = [
  { key: "zoomIn", text: "+", act: () => sigma?.getCamera().animatedZoom({ duration: 300 }) },
  { key: "zoomOut", text: "−", act: () => sigma?.getCamera().animatedUnzoom({ duration: 300 }) },
  { key: "zoomFit", text: "⤢", act: () => sigma && fitCamera(sigma) },
] as const;
const zoomEls = zoomButtons.map((z) => h("button", { type: "button", onclick: () => void z.act() }, z.text));
const zoom = h("div", { class: "zoom", role: "group" }, zoomEls);
const canvasWrap = h(
  "div",
  { class: "canvas-wrap" },
  graphContainer,
  zoom,
  h("div", { class: "statusbar" }, counts, statusLine, backButton, currency),
);

const dossier = createDetailsPanel(() => state.select(null));
const regimesPanel = createRegimesPanel();
const pathsPanel = createPathsPanel();
const consolePanel = createConsolePanel();
const welcome = h("section", { class: "panel welcome" });
const right = h("aside", { class: "sidebar-right" }, dossier, regimesPanel, pathsPanel, consolePanel, welcome);
const left = h("aside", { class: "sidebar-left" }, filtersPanel);
const explorer = h("div", { class: "explorer" }, header, h("div", { class: "main" }, left, canvasWrap, right));
const pages: Record<Page, { element: HTMLElement; show: (params: URLSearchParams) => void }> = {
  briefing: createBriefingPage(),
  whatsnew: createWhatsNewPage(),
  review: createReviewPage(),
};
for (const p of PAGES) pages[p].element.hidden = true;
root.replaceChildren(banner, explorer, ...PAGES.map((p) => pages[p].element));

// ---- Rendering of the chrome from state -------------------------------------------------------------------
function renderChrome(): void {
  const lang = state.lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t(lang, "title");
  title.textContent = t(lang, "title");
  search.setLabel(t(lang, "search"), t(lang, "searchPlaceholder"));
  copyLink.textContent = t(lang, "copyLink");
  zoom.setAttribute("aria-label", t(lang, "zoom"));
  zoomEls.forEach((b, i) => {
    b.title = t(lang, zoomButtons[i].key);
    b.setAttribute("aria-label", t(lang, zoomButtons[i].key));
  });
  right.setAttribute("aria-label", t(lang, "details"));
  left.setAttribute("aria-label", t(lang, "filters"));
  copyLink.title = t(lang, "copyLinkHint");
  nav.setAttribute("aria-label", t(lang, "views"));
  tabButtons.forEach((b, i) => {
    b.textContent = t(lang, TABS[i].key);
    b.setAttribute("aria-pressed", String(state.view.kind === TABS[i].kind));
  });
  pageButtons.forEach((b, i) => (b.textContent = t(lang, PAGE_LINKS[i].key)));
  langButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  langGroup.setAttribute("aria-label", t(lang, "language"));
  backButton.textContent = t(lang, "backToOverview");
  backButton.hidden = state.view.kind === "explore" || state.view.kind === "path";
  replace(
    welcome,
    h("p", {}, t(lang, "welcome")),
    h("p", { class: "hint" }, t(lang, "edgeLegend")),
    h("p", { class: "hint" }, t(lang, "keyboardHelp")),
  );
}

function renderRight(): void {
  const kind = state.view.kind;
  const showDossier = !!state.selected || !!state.selectedEdge;
  dossier.hidden = !showDossier;
  regimesPanel.hidden = showDossier || kind !== "regimes";
  pathsPanel.hidden = showDossier || kind !== "path";
  consolePanel.hidden = showDossier || kind !== "console";
  welcome.hidden = showDossier || (kind !== "explore" && kind !== "file");
  right.classList.toggle("wide", !showDossier && kind === "console");
}

function renderStatus(): void {
  const lang = state.lang;
  currency.hidden = !state.dataCurrentTo;
  currency.textContent = state.dataCurrentTo ? t(lang, "dataCurrent", { d: state.dataCurrentTo }) : "";
  const c = visibleCounts(state.graph);
  counts.textContent = `${t(lang, "visible")}: ${c.nodes} ${t(lang, "nodes")}, ${c.edges} ${t(lang, "edges")}`;
  const capped = state.viewData.capped;
  const omitted = state.viewData.edgesOmitted;
  statusLine.textContent = [
    state.status,
    capped ? t(lang, "capped", { n: capped.shown, t: capped.total }) : "",
    omitted ? t(lang, "edgesOmitted", { n: omitted }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

state.on(["lang", "view"], renderChrome);
state.on(["view", "selection"], renderRight);
state.on(["graph", "filters", "status", "lang", "viewData"], () => requestAnimationFrame(renderStatus));

// ---- Views and routing ------------------------------------------------------------------------------------
function switchView(kind: ViewKind): void {
  if (kind === state.view.kind && kind !== "explore") {
    state.select(null);
    return;
  }
  state.select(null);
  if (kind === "explore") state.setView({ kind: "explore" });
  else if (kind === "regimes") state.setView({ kind: "regimes", laws: [...DEFAULT_REGIMES] });
  else if (kind === "path") state.setView({ kind: "path", from: null, to: null, avoidHubs: true });
  else if (kind === "console") state.setView({ kind: "console", query: "", saved: null, params: {} });
}

/** Opens a view, filters and selection from a saved view file. */
function applySavedView(view?: SavedView): void {
  canvasReplaced();
  if (!view) return;
  const s = savedViewState(view);
  state.setLang(view.lang === "zh" ? "zh" : "en");
  state.setFilters(s.filters);
  if (s.selected && state.graph.hasNode(s.selected)) state.select(s.selected);
}

function isExplorerShown(): boolean {
  return !explorer.hidden;
}

/** Reads the hash into state: a page (briefing, what's new, review), or the explorer's view, filters, selection and language. */
async function route(): Promise<void> {
  const hash = location.hash;
  const page = pageOf(hash);
  explorer.hidden = page !== null;
  for (const p of PAGES) pages[p].element.hidden = p !== page;
  const lang = queryOf(hash).get("lang");
  if (lang === "en" || lang === "zh") state.setLang(lang);
  if (page) {
    pages[page].show(queryOf(hash));
    return;
  }
  const s = parseHash(hash);
  if (s.lang) state.setLang(s.lang);
  state.setFilters(s.filters);
  if (!sameView(s.view, state.view) || state.graph.order === 0) {
    state.select(null);
    state.setView(s.view.kind === "console" && !s.view.query ? { ...s.view, query: "" } : s.view);
  }
  await applyView();
  if (s.selected && s.selected !== state.selected) await pickEntity(s.selected).catch(() => state.select(null));
  else if (s.edge) {
    // A link to a relationship's evidence (the Atom feed's entries): its dossier opens, its two ends lit.
    if (state.selectedEdge?.key !== s.edge.key) state.selectEdge(s.edge);
  } else if (!s.selected) state.select(null);
}

state.on("view", () => void applyView());
// The regime view's explanations are written by the API in the chosen language: a new language reloads them.
state.on("lang", () => {
  if (state.view.kind === "regimes" && isExplorerShown()) void applyView();
});

// ---- Start ------------------------------------------------------------------------------------------------
sigma = createRenderer(graphContainer, (id) => void pickEntity(id));
setRenderer(sigma);
// Sigma follows window resizes only; the canvas also changes size when the right panel widens (console).
new ResizeObserver(() => {
  sigma?.resize();
  sigma?.refresh();
}).observe(graphContainer);
bindFilters();
bindUrl(isExplorerShown);
renderChrome();
renderRight();
window.addEventListener("hashchange", () => void route());
void route().then(() => applyFilters(state.graph, state.filters));

// Read-only hook for the end-to-end tests: what sigma draws and what state holds.
(window as unknown as { __explorer: unknown }).__explorer = {
  get graph() {
    return state.graph;
  },
  get sigma() {
    return sigma;
  },
  state,
  visibleNodeCount: () => visibleCounts(state.graph).nodes,
  renderedNodes: () => (sigma ? state.graph.filterNodes((n) => !sigma!.getNodeDisplayData(n)?.hidden) : []),
  defaultQuery: DEFAULT_QUERY,
  explainLabel: (node: string) => (sigma ? explainLabel(sigma, node) : null),
};
