/**
 * The review page (`#/review`): the browser counterpart of `npm run review`. The user opens the candidates.json that
 * `npm run ingest` wrote (read with FileReader, checked for the candidates shape), accepts or rejects each candidate
 * relationship (one by one, or all at or above a confidence threshold), each new entity (whose names can be edited)
 * and each proposed match with a graph entity, and downloads the accepted result as a seed file. Nothing goes to the
 * server: the file is meant for seed/documents/, where `npm run load` validates it.
 *
 * The accept/reject-to-seed rules are the review command's own (src/ingest/review-rules.ts, which has no Node
 * imports): a rejected new entity takes its relationships with it, a rejected match drops the relationships whose
 * quote holds that mention, PARTY_TO edges follow the relationship they were derived from, only the sources and
 * entities the kept relationships use are written. What is accepted here was looked at, so relationships already in
 * the graph are kept when the reviewer accepts them one by one.
 */
import { t, typeName, relName } from "../i18n.js";
import { state } from "../state.js";
import {
  assembleReviewed,
  autoAcceptsEntity,
  autoAcceptsRelationship,
  followPartyTo,
  DEFAULT_ACCEPT_ABOVE,
  type Decisions,
} from "../../../src/ingest/review-rules.js";
import { CANDIDATES_KIND, CANDIDATES_VERSION } from "../../../src/model/wire-constants.js";
import type {
  CandidateEntity,
  CandidateRelationship,
  CandidatesFile,
  ReviewedSeedFile,
} from "../../../src/model/wire.js";
import { entityHash } from "../url.js";
import { h, replace, uid } from "./dom.js";

export { CANDIDATES_KIND, CANDIDATES_VERSION, DEFAULT_ACCEPT_ABOVE };
/** The seed file goes to seed/documents/, next to the other documents, which point at the schema like this. */
export const SEED_SCHEMA_REF = "../seed.schema.json";

export interface ReviewDecisions {
  /** By candidate id: accepted or not (PARTY_TO edges are not decided: they follow). */
  relationships: Map<string, boolean>;
  /** By entity id: a new entity accepted, or a proposed match confirmed. */
  entities: Map<string, boolean>;
  /** Edited names of new entities, by entity id. */
  names: Map<string, { nameZh?: string; nameEn?: string }>;
}

export interface ReviewedSeed {
  seed: ReviewedSeedFile;
  accepted: number;
  dropped: { id: string; reason: string }[];
}

// ---- The candidates file ----------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The parsed JSON as a candidates file, or an Error saying what is wrong with it (in words a reviewer can act on). */
export function checkCandidates(raw: unknown): CandidatesFile {
  const fail = (why: string): never => {
    throw new Error(why);
  };
  if (!isObject(raw)) fail("it is not a JSON object");
  const o = raw as Record<string, unknown>;
  if (o.kind !== CANDIDATES_KIND)
    fail(
      o.kind === undefined
        ? `it has no "kind" (expected "${CANDIDATES_KIND}")`
        : `its "kind" is ${JSON.stringify(o.kind)}, not "${CANDIDATES_KIND}"`,
    );
  if (o.version !== CANDIDATES_VERSION)
    fail(`version ${JSON.stringify(o.version)} is not supported (expected ${CANDIDATES_VERSION})`);
  for (const key of ["documents", "entities", "sources", "relationships"])
    if (!Array.isArray(o[key])) fail(`"${key}" is missing or not a list`);
  (o.entities as unknown[]).forEach((e, i) => {
    const c = isObject(e) ? e.candidate : undefined;
    if (!isObject(e) || typeof e.id !== "string" || typeof e.label !== "string")
      fail(`entity ${i + 1} has no id or label`);
    if (
      !isObject(c) ||
      (c.status !== "new" && c.status !== "match") ||
      typeof c.confidence !== "number" ||
      typeof c.rule !== "string"
    )
      fail(
        `entity ${i + 1} (${String((e as Record<string, unknown>).id)}) has no reviewer's "candidate" object (status, rule, confidence)`,
      );
    if (!Array.isArray((c as Record<string, unknown>).mentions)) (c as Record<string, unknown>).mentions = [];
  });
  (o.sources as unknown[]).forEach((s, i) => {
    if (!isObject(s) || typeof s.id !== "string") fail(`source ${i + 1} has no id`);
  });
  (o.relationships as unknown[]).forEach((r, i) => {
    const c = isObject(r) ? r.candidate : undefined;
    if (!isObject(r) || typeof r.type !== "string" || typeof r.from !== "string" || typeof r.to !== "string")
      fail(`relationship ${i + 1} has no type, from or to`);
    if (
      !isObject(c) ||
      typeof c.id !== "string" ||
      typeof c.confidence !== "number" ||
      typeof c.existing !== "boolean" ||
      typeof c.rule !== "string"
    )
      fail(
        `relationship ${i + 1} (${String((r as Record<string, unknown>).type)}) has no reviewer's "candidate" object (id, rule, confidence, existing)`,
      );
    if (!Array.isArray((c as Record<string, unknown>).dependsOn)) (c as Record<string, unknown>).dependsOn = [];
  });
  return o as unknown as CandidatesFile;
}

// ---- Decisions and the seed they give ---------------------------------------------------------------------

const isPartyTo = (r: CandidateRelationship) => r.type === "PARTY_TO";

/** Nothing accepted yet; cases, matches and confident new entities are (they only matter once a relationship needs them). */
export function initialDecisions(file: CandidatesFile): ReviewDecisions {
  const d: ReviewDecisions = { relationships: new Map(), entities: new Map(), names: new Map() };
  for (const e of file.entities) d.entities.set(e.id, autoAcceptsEntity(e));
  for (const r of file.relationships) if (!isPartyTo(r)) d.relationships.set(r.candidate.id, false);
  return d;
}

/** Accepts every relationship at or above the threshold that is not already in the graph; leaves the others as they are. */
export function acceptAbove(file: CandidatesFile, d: ReviewDecisions, threshold: number): void {
  for (const r of file.relationships) {
    if (autoAcceptsRelationship(r, threshold)) d.relationships.set(r.candidate.id, true);
  }
}

/** The seed file the decisions give, with what was left out and why (the review command's rules). */
export function reviewedSeed(file: CandidatesFile, d: ReviewDecisions): ReviewedSeed {
  const decisions: Decisions = { relationships: new Map(), entities: new Map() };
  for (const [id, ok] of d.relationships) decisions.relationships.set(id, { verdict: ok ? "accept" : "reject" });
  for (const [id, ok] of d.entities) {
    // An emptied name is left out of the seed file (undefined is not written).
    const names = Object.fromEntries(
      Object.entries(d.names.get(id) ?? {}).map(([key, value]) => [key, value?.trim() || undefined]),
    );
    decisions.entities.set(id, {
      verdict: ok ? "accept" : "reject",
      ...(Object.keys(names).length ? { edits: names } : {}),
    });
  }
  followPartyTo(file, decisions);
  const result = assembleReviewed(file, decisions, { includeExisting: true, schemaRef: SEED_SCHEMA_REF });
  return { seed: result.seed, accepted: result.accepted, dropped: result.dropped };
}

// ---- The page ---------------------------------------------------------------------------------------------

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `seed/documents/<stem>.json`, after the first document the candidates came from. */
function seedFileName(file: CandidatesFile): string {
  const stem =
    (file.documents[0]?.document ?? "reviewed").replace(/\.[^.]+$/, "").replace(/[^A-Za-z0-9_-]+/g, "-") || "reviewed";
  return `${stem}.json`;
}

export function createReviewPage(): { element: HTMLElement; show: (params: URLSearchParams) => void } {
  const element = h("main", {
    class: "briefing-page review-page",
    "aria-labelledby": "review-title",
    "data-testid": "review-page",
  });
  const fileId = uid("candidates");
  const thresholdId = uid("threshold");
  const fileInput = h("input", {
    id: fileId,
    type: "file",
    accept: ".json,application/json",
    "data-testid": "review-file",
  });
  const threshold = h("input", {
    id: thresholdId,
    type: "range",
    min: 0,
    max: 1,
    step: 0.05,
    value: DEFAULT_ACCEPT_ABOVE,
    "data-testid": "review-threshold",
  });
  const message = h("div", { "aria-live": "polite", "data-testid": "review-message" });
  const body = h("div", { class: "review-body", "data-testid": "review-body" });
  const summary = h("p", { class: "review-summary", role: "status", "data-testid": "review-summary" });
  let file: CandidatesFile | null = null;
  let fileName = "";
  let decisions: ReviewDecisions | null = null;

  const nameOf = (id: string) => {
    const edited = decisions?.names.get(id);
    const e = file?.entities.find((x) => x.id === id);
    const own =
      state.lang === "zh"
        ? (edited?.nameZh ?? e?.nameZh ?? edited?.nameEn ?? e?.nameEn)
        : (edited?.nameEn ?? e?.nameEn ?? edited?.nameZh ?? e?.nameZh);
    return own || file?.matched?.find((m) => m.id === id)?.name || id;
  };
  const entityRef = (id: string) =>
    file?.entities.some((e) => e.id === id && e.candidate.status === "new")
      ? h("span", { class: "new-entity", title: id }, nameOf(id))
      : h("a", { href: entityHash(id), title: id }, nameOf(id));

  function renderSummary(): void {
    if (!file || !decisions) return;
    const lang = state.lang;
    const r = reviewedSeed(file, decisions);
    replace(
      summary,
      t(lang, "reviewSummary", { a: r.accepted, d: r.dropped.length }),
      r.dropped.length
        ? h(
            "ul",
            { class: "dropped" },
            r.dropped.map((x) => h("li", { class: "muted" }, x.reason)),
          )
        : null,
    );
  }

  const relationshipRow = (r: CandidateRelationship) => {
    const lang = state.lang;
    const box = h("input", {
      type: "checkbox",
      checked: decisions!.relationships.get(r.candidate.id) ?? false,
      "data-testid": "review-accept-rel",
      "data-id": r.candidate.id,
      onchange: (e: Event) => {
        decisions!.relationships.set(r.candidate.id, (e.target as HTMLInputElement).checked);
        renderSummary();
      },
    });
    return h(
      "li",
      { class: "candidate", "data-testid": "review-rel", "data-id": r.candidate.id },
      h("label", { class: "check" }, box, ` ${t(lang, "reviewAccept")}`),
      h(
        "div",
        { class: "candidate-head" },
        h("strong", {}, relName(lang, r.type)),
        ": ",
        entityRef(r.from),
        " → ",
        entityRef(r.to),
        r.case ? h("span", { class: "muted" }, ` · ${nameOf(r.case)}`) : null,
      ),
      h(
        "div",
        { class: "candidate-meta" },
        h(
          "span",
          { class: "badge", "data-testid": "review-confidence" },
          `${t(lang, "reviewConfidence")} ${r.candidate.confidence.toFixed(2)}`,
        ),
        h("span", { class: "badge muted" }, `${t(lang, "reviewRule")} ${r.candidate.rule}`),
        r.candidate.existing
          ? h("span", { class: "badge existing", "data-testid": "review-existing" }, t(lang, "reviewExisting"))
          : null,
        r.candidate.itemTitle ? h("span", { class: "muted" }, r.candidate.itemTitle) : null,
      ),
      r.quote ? h("blockquote", { class: "quote", "data-testid": "review-evidence" }, r.quote) : null,
    );
  };

  const nameInput = (e: CandidateEntity, key: "nameZh" | "nameEn", label: string) => {
    const id = uid(key);
    const input = h("input", {
      id,
      type: "text",
      value: decisions!.names.get(e.id)?.[key] ?? e[key] ?? "",
      "data-testid": `review-${key}`,
      "data-id": e.id,
      oninput: (ev: Event) => {
        decisions!.names.set(e.id, { ...decisions!.names.get(e.id), [key]: (ev.target as HTMLInputElement).value });
        renderSummary();
      },
    });
    return h("span", { class: "field inline" }, h("label", { for: id }, label), input);
  };

  const entityRow = (e: CandidateEntity) => {
    const lang = state.lang;
    const box = h("input", {
      type: "checkbox",
      checked: decisions!.entities.get(e.id) ?? false,
      "data-testid": "review-accept-entity",
      "data-id": e.id,
      onchange: (ev: Event) => {
        decisions!.entities.set(e.id, (ev.target as HTMLInputElement).checked);
        renderSummary();
      },
    });
    const isMatch = e.candidate.status === "match";
    return h(
      "li",
      { class: "candidate", "data-testid": isMatch ? "review-match" : "review-entity", "data-id": e.id },
      h("label", { class: "check" }, box, ` ${t(lang, isMatch ? "reviewAcceptMatch" : "reviewAccept")}`),
      h(
        "div",
        { class: "candidate-head" },
        h("strong", {}, typeName(lang, e.label)),
        " ",
        h("code", {}, e.id),
        isMatch && e.candidate.matchOf
          ? h(
              "span",
              {},
              " — ",
              `${t(lang, "reviewLooksLike")} `,
              entityRef(e.candidate.matchOf),
              e.candidate.matchReason ? h("span", { class: "muted" }, ` (${e.candidate.matchReason})`) : null,
            )
          : null,
      ),
      isMatch
        ? null
        : h(
            "div",
            { class: "candidate-names" },
            nameInput(e, "nameZh", t(lang, "reviewNameZh")),
            nameInput(e, "nameEn", t(lang, "reviewNameEn")),
          ),
      h(
        "div",
        { class: "candidate-meta" },
        h("span", { class: "badge" }, `${t(lang, "reviewConfidence")} ${e.candidate.confidence.toFixed(2)}`),
        h("span", { class: "badge muted" }, `${t(lang, "reviewRule")} ${e.candidate.rule}`),
        e.candidate.mentions.length
          ? h("span", { class: "muted" }, e.candidate.mentions.map((m) => `“${m.text}”`).join(" "))
          : null,
      ),
    );
  };

  function renderBody(): void {
    if (!file || !decisions) {
      replace(body);
      return;
    }
    const lang = state.lang;
    const rels = file.relationships.filter((r) => !isPartyTo(r));
    const news = file.entities.filter((e) => e.candidate.status === "new");
    const matches = file.entities.filter((e) => e.candidate.status === "match");
    const list = <T>(items: T[], row: (x: T) => HTMLElement) =>
      items.length
        ? h("ul", { class: "candidates" }, items.map(row))
        : h("p", { class: "muted" }, t(lang, "reviewNone"));
    replace(
      body,
      h(
        "p",
        { "data-testid": "review-loaded" },
        t(lang, "reviewLoaded", { file: fileName, r: rels.length, e: file.entities.length }),
      ),
      h(
        "div",
        { class: "review-threshold" },
        h("label", { for: thresholdId }, t(lang, "reviewThreshold")),
        threshold,
        h(
          "button",
          {
            type: "button",
            "data-testid": "review-accept-above",
            onclick: () => {
              acceptAbove(file!, decisions!, Number(threshold.value));
              renderBody();
            },
          },
          t(lang, "reviewAcceptAbove", { v: Number(threshold.value).toFixed(2) }),
        ),
        h(
          "button",
          {
            type: "button",
            "data-testid": "review-reject-all",
            onclick: () => {
              for (const id of decisions!.relationships.keys()) decisions!.relationships.set(id, false);
              renderBody();
            },
          },
          t(lang, "reviewRejectAll"),
        ),
      ),
      h("h2", {}, t(lang, "reviewRelationships")),
      list(rels, relationshipRow),
      h("h2", {}, t(lang, "reviewEntities")),
      list(news, entityRow),
      h("h2", {}, t(lang, "reviewMatches")),
      list(matches, entityRow),
      summary,
      h(
        "div",
        { class: "downloads" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-testid": "review-download",
            onclick: () =>
              download(`${JSON.stringify(reviewedSeed(file!, decisions!).seed, null, 2)}\n`, seedFileName(file!)),
          },
          t(lang, "reviewDownload"),
        ),
      ),
      h("p", { class: "notice", "data-testid": "review-note" }, t(lang, "reviewNote")),
    );
    renderSummary();
  }

  threshold.addEventListener("input", () => {
    const button = body.querySelector<HTMLButtonElement>('[data-testid="review-accept-above"]');
    if (button) button.textContent = t(state.lang, "reviewAcceptAbove", { v: Number(threshold.value).toFixed(2) });
  });

  const fail = (text: string) => {
    file = null;
    decisions = null;
    renderBody();
    replace(message, h("p", { class: "error", role: "alert" }, text));
  };

  fileInput.addEventListener("change", () => {
    const picked = fileInput.files?.[0];
    if (!picked) return;
    const reader = new FileReader();
    reader.onerror = () => fail(t(state.lang, "reviewNotJson", { why: reader.error?.message ?? "unreadable" }));
    reader.onload = () => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(reader.result));
      } catch (err) {
        fail(t(state.lang, "reviewNotJson", { why: (err as Error).message }));
        return;
      }
      try {
        file = checkCandidates(raw);
      } catch (err) {
        fail(t(state.lang, "reviewNotCandidates", { why: (err as Error).message }));
        return;
      }
      fileName = picked.name;
      decisions = initialDecisions(file);
      replace(message);
      renderBody();
    };
    reader.readAsText(picked);
  });

  const render = () => {
    const lang = state.lang;
    replace(
      element,
      h("p", {}, h("a", { href: "#/explore", class: "back-link" }, t(lang, "briefingBack"))),
      h("h1", { id: "review-title" }, t(lang, "reviewTitle")),
      h("p", { class: "muted" }, t(lang, "reviewIntro")),
      h("div", { class: "field" }, h("label", { for: fileId }, t(lang, "reviewOpen")), fileInput),
      message,
      body,
    );
    renderBody();
  };

  state.on("lang", render);
  render();

  return { element, show: () => undefined };
}
