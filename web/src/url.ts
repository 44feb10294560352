/**
 * Shareable state in the URL: the view (explore, regimes with its laws, path with its ends, console with its
 * query and parameters), the selection, the filters and the language live in the hash, e.g.
 * `#/regimes?laws=law:eu-gdpr,law:eu-ai-act&sel=law:eu-gdpr&hide=Topic&lang=zh`. The URL follows state (replaced,
 * not pushed, so Back leaves the explorer); a pasted or edited URL is read back into state.
 */
import { emptyFilters, state } from "./state.js";
import type { Lang } from "../../src/model/wire.js";
import type { Filters, View } from "./types.js";

export interface UrlState {
  view: View;
  selected: string | null;
  /** A selected relationship (its evidence open), as links from the Atom feed give it. */
  edge: { key: string; type: string } | null;
  filters: Filters;
  lang: Lang | null;
}

const list = (v: string | null) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const MONTH = /^\d{4}-\d{2}$/;
/** An entity id as src/model/entities.ts allows it: `law:eu-gdpr`, and for the legal layer `prov:eu-ai-act:art-50-2`. */
const ID = /^[a-z]+:[a-z0-9][a-z0-9.#-]*(?::[a-z0-9][a-z0-9.#-]*)?$/;

/** The route part of the hash: "briefing", "regimes"... ("explore" when empty). */
export function routeOf(hash: string): string {
  const m = hash.replace(/^#\/?/, "").split("?")[0];
  return m || "explore";
}

/** Routes that show a page of their own instead of the explorer. */
export const PAGES = ["briefing", "whatsnew", "review"] as const;
export type Page = (typeof PAGES)[number];

/** The page a hash opens, or null for the explorer. */
export function pageOf(hash: string): Page | null {
  const route = routeOf(hash);
  return (PAGES as readonly string[]).includes(route) ? (route as Page) : null;
}

/** The hash of the what's-new page for a date and a watch list (shareable). */
export function whatsNewHash(since: string, watch: string[]): string {
  const q = new URLSearchParams({ since });
  if (watch.length) q.set("watch", watch.join(","));
  return `#/whatsnew?${q.toString()}`;
}

/** The explorer with an entity's dossier open. */
export function entityHash(id: string): string {
  return `#/explore?${new URLSearchParams({ sel: id, lang: state.lang }).toString()}`;
}

export function queryOf(hash: string): URLSearchParams {
  const i = hash.indexOf("?");
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : "");
}

/** Reads the state a hash describes; unknown or malformed parts fall back to defaults. */
export function parseHash(hash: string): UrlState {
  const route = routeOf(hash);
  const q = queryOf(hash);
  const ids = (v: string | null) => list(v).filter((s) => ID.test(s));
  let view: View = { kind: "explore" };
  if (route === "regimes") {
    const laws = ids(q.get("laws"));
    view = {
      kind: "regimes",
      laws: laws.length >= 2 ? laws : ["law:eu-gdpr", "law:eu-ai-act", "law:cn-aigc-labeling"],
    };
  } else if (route === "path") {
    const from = q.get("from");
    const to = q.get("to");
    // Paths avoid jurisdictions and topics unless the link says otherwise (hubs=allow).
    view = {
      kind: "path",
      from: from && ID.test(from) ? from : null,
      to: to && ID.test(to) ? to : null,
      avoidHubs: q.get("hubs") !== "allow",
    };
  } else if (route === "console") {
    let params: Record<string, unknown> = {};
    try {
      const p = JSON.parse(q.get("p") ?? "{}") as unknown;
      if (p && typeof p === "object" && !Array.isArray(p)) params = p as Record<string, unknown>;
    } catch {
      params = {};
    }
    const saved = q.get("saved");
    view = {
      kind: "console",
      query: q.get("q") ?? "",
      saved: saved && /^[a-z0-9-]+$/.test(saved) ? saved : null,
      params,
    };
  }
  const filters = emptyFilters();
  filters.hiddenTypes = new Set(list(q.get("hide")));
  filters.hiddenRelTypes = new Set(list(q.get("rels")));
  filters.hiddenBases = new Set(list(q.get("basis")));
  filters.jurisdictions = new Set(ids(q.get("jur")));
  const until = q.get("until");
  filters.until = until && MONTH.test(until) ? until : null;
  const sel = q.get("sel");
  const lang = q.get("lang");
  const edge = q.get("edge");
  const edgeType = q.get("edgeType");
  return {
    view,
    selected: sel && ID.test(sel) ? sel : null,
    edge:
      edge && edgeType && /^[\w:.#-]+$/.test(edge) && /^[A-Z_]+$/.test(edgeType) ? { key: edge, type: edgeType } : null,
    filters,
    lang: lang === "zh" || lang === "en" ? lang : null,
  };
}

/** The hash for the current state. */
export function currentHash(): string {
  const q = new URLSearchParams();
  const v = state.view;
  let route = "explore";
  if (v.kind === "regimes") {
    route = "regimes";
    q.set("laws", v.laws.join(","));
  } else if (v.kind === "path") {
    route = "path";
    if (v.from) q.set("from", v.from);
    if (v.to) q.set("to", v.to);
    if (!v.avoidHubs) q.set("hubs", "allow");
  } else if (v.kind === "console") {
    route = "console";
    if (v.query) q.set("q", v.query);
    if (v.saved) q.set("saved", v.saved);
    if (Object.keys(v.params).length) q.set("p", JSON.stringify(v.params));
  }
  if (state.selected) q.set("sel", state.selected);
  if (state.selectedEdge) {
    q.set("edge", state.selectedEdge.key);
    q.set("edgeType", state.selectedEdge.type);
  }
  const f = state.filters;
  if (f.hiddenTypes.size) q.set("hide", [...f.hiddenTypes].sort().join(","));
  if (f.hiddenRelTypes.size) q.set("rels", [...f.hiddenRelTypes].sort().join(","));
  if (f.hiddenBases.size) q.set("basis", [...f.hiddenBases].sort().join(","));
  if (f.jurisdictions.size) q.set("jur", [...f.jurisdictions].sort().join(","));
  if (f.until) q.set("until", f.until);
  q.set("lang", state.lang);
  return `#/${route}?${q.toString()}`;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Keeps the hash in step with state (debounced), unless another page (the briefing) is showing. */
export function bindUrl(isExplorerShown: () => boolean): void {
  const write = () => {
    timer = undefined;
    if (!isExplorerShown()) return;
    const hash = currentHash();
    if (hash === location.hash) return;
    history.replaceState(null, "", hash);
  };
  state.on(["view", "selection", "filters", "lang"], () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, 50);
  });
}

export function sameView(a: View, b: View): boolean {
  const strip = (v: View) => (v.kind === "console" ? { ...v, run: undefined } : v);
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
