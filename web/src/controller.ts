/**
 * Applies the view in state: loads what it needs (the overview, regime connections, shortest paths, a query
 * result) through the view controller and records the outcome in state.viewData for the panels. A view that is
 * applied again unchanged does nothing; a console view with a new `run` stamp runs its query again. The regime view
 * also depends on the language (the API writes its explanations in it), so a change of language reloads it.
 */
import { api, ApiError } from "./api.js";
import { showOverview, showPaths, showRegimes, showSubgraph } from "./graph/views.js";
import { state } from "./state.js";
import type { View } from "./types.js";

let lastKey = "";
/** What the canvas holds: the overview (possibly expanded) or something else that a return to it must replace. */
let canvas: "none" | "overview" | "other" = "none";
let ticket = 0;

function errorOf(err: unknown) {
  const e = err as ApiError;
  return { title: e.title ?? "Error", message: e.message ?? String(err), status: e.status ?? 0 };
}

async function ensureOverview(): Promise<void> {
  if (canvas === "overview") return;
  const res = await showOverview();
  canvas = "overview";
  state.setViewData({
    ...state.viewData,
    capped: res.capped ? { shown: state.graph.order, total: res.total } : undefined,
    edgesOmitted: res.edgesOmitted || undefined,
  });
}

/** Marks the canvas as holding something other than the overview (an opened file). */
export function canvasReplaced(): void {
  canvas = "other";
  lastKey = keyOf(state.view);
}

let inflight: Promise<void> = Promise.resolve();

/** What identifies a load: the view, plus the language for views whose answer is written in it. */
function keyOf(v: View): string {
  return JSON.stringify(v.kind === "regimes" ? { ...v, lang: state.lang } : v);
}

/** Applies state.view; while the same view is being applied, returns the load under way. */
export function applyView(): Promise<void> {
  const key = keyOf(state.view);
  if (key === lastKey) return inflight;
  lastKey = key;
  inflight = load(state.view);
  return inflight;
}

async function load(v: View): Promise<void> {
  const mine = ++ticket;
  const current = () => mine === ticket;
  try {
    switch (v.kind) {
      case "explore": {
        state.setHighlight(null);
        state.setViewData({});
        await ensureOverview();
        break;
      }
      case "regimes": {
        state.setHighlight(null);
        // Keep the explanations on screen while those of another language load.
        state.setViewData({ ...state.viewData, loading: true, error: undefined });
        const res = await showRegimes(v.laws, state.lang);
        if (!current()) return;
        canvas = "other";
        state.setViewData({ regimes: res });
        break;
      }
      case "path": {
        await ensureOverview();
        if (!current()) return;
        if (!v.from || !v.to) {
          state.setHighlight(null);
          state.setViewData({});
          break;
        }
        state.setViewData({ loading: true });
        const res = await showPaths(v.from, v.to, v.avoidHubs);
        if (current()) state.setViewData({ paths: res });
        break;
      }
      case "console": {
        if (!v.query.trim()) {
          state.setViewData({});
          if (canvas === "none") await ensureOverview();
          break;
        }
        state.setViewData({ loading: true });
        state.setHighlight(null);
        const res = v.saved ? await api.runSaved(v.saved, v.params) : await api.cypher(v.query, v.params);
        if (!current()) return;
        if (res.graph.nodes.length > 0) {
          showSubgraph(res.graph);
          canvas = "other";
        } else if (canvas === "none") await ensureOverview();
        state.setViewData({ query: res });
        break;
      }
      case "file":
        break;
    }
  } catch (err) {
    if (!current()) return;
    state.setViewData({ error: errorOf(err) });
    // Let the same view be tried again (the banner's retry, or the user pressing the button again).
    lastKey = "";
  }
}
