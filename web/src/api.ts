/**
 * The one place that talks to the HTTP API. Every call returns parsed JSON or throws an ApiError carrying the
 * server's problem+json message (shown to the user as is); a network failure, a 503, or a proxy's 502 or 504 marks
 * the API as down, which the banner shows, and the next successful answer clears it.
 */
import type {
  Dossier,
  Lang,
  NeighborhoodResponse,
  OverviewResponse,
  PathsResponse,
  Problem,
  QueryResult,
  RegimesResponse,
  RelationshipDetail,
  SavedQueryInfo as SavedQuery,
  SearchHit,
  WhatsNewResponse,
} from "../../src/model/wire.js";

/** The API is down (network error, 503) or answered with a problem. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly title: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type DownListener = (down: boolean) => void;
const downListeners = new Set<DownListener>();
let down = false;

/** Called with true when the API stops answering and false when it answers again. */
export function onApiDown(listener: DownListener): void {
  downListeners.add(listener);
}

function setDown(value: boolean): void {
  if (value === down) return;
  down = value;
  downListeners.forEach((l) => l(value));
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...(init.headers ?? {}) } });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    setDown(true);
    throw new ApiError("The server does not answer.", 0, "Network error");
  }
  const type = res.headers.get("content-type") ?? "";
  if (!res.ok) {
    // Our 504 (problem+json) is a query stopped at its time limit: the API is up and says what to narrow. A bare 502
    // or 504 comes from a proxy in front of a server that does not answer.
    const fromApi = type.includes("problem+json");
    if (res.status === 503 || ((res.status === 502 || res.status === 504) && !fromApi)) setDown(true);
    else setDown(false);
    let problem: Partial<Problem> = {};
    if (type.includes("json")) problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError(
      problem.detail ?? `${res.status} ${res.statusText}`,
      res.status,
      problem.title ?? res.statusText,
    );
  }
  setDown(false);
  return (await res.json()) as T;
}

const qs = (params: Record<string, string | number | undefined | string[]>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(","));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
};

export const api = {
  health: () => request<{ status: string; counts: { entities: number; relationships: number } }>("/api/health"),
  overview: () => request<OverviewResponse>("/api/graph/overview"),
  search: (q: string, limit = 12, signal?: AbortSignal) =>
    request<{ query: string; results: SearchHit[] }>(`/api/search${qs({ q, limit })}`, { signal }),
  /** A dossier; with relType, direction and offset, the next page of one group. */
  entity: (id: string, page: { relType?: string; direction?: string; offset?: number } = {}) =>
    request<Dossier>(`/api/entities/${encodeURIComponent(id)}${qs(page)}`),
  relationship: (id: string, type: string) =>
    request<RelationshipDetail>(`/api/relationships/${encodeURIComponent(id)}${qs({ type })}`),
  /**
   * An entity's neighbourhood: `depth` 1 to 3 steps out, optionally only some relationship types; at most perNode
   * neighbours per entity, the centre's from `offset` (the previous answer's nextOffset asks for the next ones).
   */
  neighborhood: (id: string, opts: { relTypes?: string[]; limit?: number; depth?: number; offset?: number } = {}) =>
    request<NeighborhoodResponse>(
      `/api/graph/neighborhood${qs({ id, depth: opts.depth, relTypes: opts.relTypes, limit: opts.limit, offset: opts.offset || undefined })}`,
    ),
  /** Shortest paths; with avoidHubs (the API's default) they do not pass through jurisdictions and topics. */
  paths: (from: string, to: string, avoidHubs = true) =>
    request<PathsResponse>(`/api/graph/paths${qs({ from, to, avoidHubs: String(avoidHubs) })}`),
  /** How the laws connect, every sentence in `lang`. */
  regimes: (laws: string[], lang: Lang) => request<RegimesResponse>(`/api/graph/regimes${qs({ laws, lang })}`),
  queries: () => request<{ queries: SavedQuery[] }>("/api/queries"),
  runSaved: (name: string, params: Record<string, unknown>) =>
    request<QueryResult & { name: string }>(`/api/queries/${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ params }),
    }),
  cypher: (query: string, params: Record<string, unknown> = {}) =>
    request<QueryResult>("/api/cypher", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, params }),
    }),
  /** Without `since`, the server answers the last 30 days of the data. */
  whatsNew: (since: string | undefined, watch: string[]) =>
    request<WhatsNewResponse>(`/api/whatsnew${qs({ since, watch })}`),
  feedUrl: (watch: string[], lang: Lang) => `/api/whatsnew.atom${qs({ watch, lang })}`,
  /** The address of an export download (a plain link: the browser saves the file). */
  exportUrl: (params: { format: string; part?: string; id?: string; labels?: string[]; relTypes?: string[] }) =>
    `/api/export${qs(params)}`,
};

/** Polls /api/health until it answers, while the API is marked down. */
export function watchHealth(intervalMs = 5_000): { retryNow: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    api
      .health()
      .catch(() => undefined)
      .finally(() => {
        if (down && !timer) timer = setTimeout(check, intervalMs);
      });
  };
  onApiDown((d) => {
    if (d && !timer) timer = setTimeout(check, intervalMs);
  });
  return {
    retryNow: () => {
      if (timer) clearTimeout(timer);
      check();
    },
  };
}

/**
 * The first view's data, asked for as soon as this module runs, before the rest of the UI is built (a page of its
 * own, like what's new, does not need it). The first overview load takes it; later ones ask again.
 */
let overviewEarly: Promise<OverviewResponse> | null = /^#\/?(whatsnew|briefing|review)\b/.test(location.hash)
  ? null
  : api.overview();
overviewEarly?.catch(() => undefined); // handled by whoever takes it; no unhandled rejection before then

export function takeOverview(): Promise<OverviewResponse> {
  const p = overviewEarly ?? api.overview();
  overviewEarly = null;
  return p;
}
