/**
 * The dossier panel of the selected entity: properties, cases in date order, relationships grouped by type and
 * direction with their evidence (quote, source title, publisher, date, link, basis reported or curated), and
 * buttons to expand the neighbourhood (with a guard for entities with many relationships) and collapse it again.
 * Each group shows the most recent 50 and loads more on demand. A selected edge shows its relationship the same
 * way (both ends, quote, sources). A company's dossier links to its briefing page. A law's dossier adds its
 * articles around it; an article's adds its obligations, the roles they bind, their penalties and its counterparts in
 * other regimes. Legal entities read in the chosen language only, with their official reference and how they were
 * checked. Every value from the data is set as text.
 */
import { api, ApiError } from "../api.js";
import { collapse, expand, pickEntity } from "../graph/views.js";
import { colorOf } from "../graph/settings.js";
import { displayName, fieldName, relName, t, typeName, valueName, verifiedName } from "../i18n.js";
import { state } from "../state.js";
import type { Dossier, DossierRelationship, Lang, RelationshipDetail } from "../../../src/model/wire.js";
import { h, langTag, quoteBlock, replace, safeLink, textLang } from "./dom.js";

/** Above this many relationships, expanding asks what to add first. */
export const EXPAND_GUARD = 40;
const DEFAULT_EXPAND_LIMIT = 50;
const HIDDEN_PROPS = new Set([
  "type",
  "label",
  "nameEn",
  "nameZh",
  "degree",
  "x",
  "y",
  "hidden",
  "jurisdictions",
  "appears",
  "future",
]);
/** The legal layer: entities curated from the law's text, read in the chosen language only. */
export const LEGAL_TYPES = new Set(["Provision", "Obligation", "Role", "Penalty"]);
/** What a law's "Articles" button adds: its provisions. */
export const ARTICLE_REL_TYPES = ["HAS_PROVISION"];
/** What an article's button adds, two steps out: its duties, whom they bind, what a breach costs, its counterparts. */
export const DUTY_REL_TYPES = ["IMPOSES", "BINDS", "SETS", "PENALISED_BY", "CORRESPONDS_TO", "REFERS_TO"];

export function createDetailsPanel(onClose: () => void): HTMLElement {
  const panel = h("section", {
    class: "panel dossier",
    "aria-label": "Dossier",
    "aria-live": "polite",
    "data-testid": "dossier",
  });
  let current: Dossier | null = null;
  let edge: RelationshipDetail | null = null;
  let request = 0;
  let message = "";

  const render = () => {
    const lang = state.lang;
    if (state.selectedEdge) {
      replace(
        panel,
        ...(edge && edge.id === state.selectedEdge.key
          ? edgeView(edge, lang, onClose)
          : [h("p", { class: "muted" }, message || t(lang, "loading"))]),
      );
      return;
    }
    if (!state.selected) {
      replace(panel);
      return;
    }
    if (!current || current.entity.id !== state.selected) {
      replace(panel, h("p", { class: "muted" }, message || t(lang, "loading")));
      return;
    }
    replace(
      panel,
      ...dossierView(
        current,
        lang,
        onClose,
        (m) => {
          message = m;
          render();
        },
        message,
      ),
    );
  };

  const load = async () => {
    const id = state.selected;
    const selectedEdge = state.selectedEdge;
    message = "";
    current = null;
    edge = null;
    render();
    if (!id && !selectedEdge) return;
    const mine = ++request;
    try {
      if (selectedEdge) {
        const r = await api.relationship(selectedEdge.key, selectedEdge.type);
        if (mine !== request) return;
        edge = r;
      } else {
        const d = await api.entity(id!);
        if (mine !== request) return;
        current = d;
      }
    } catch (err) {
      if (mine !== request) return;
      message = (err as ApiError).message;
    }
    render();
  };

  state.on("selection", () => void load());
  state.on(["lang", "graph"], render);
  return panel;
}

function dossierView(
  d: Dossier,
  lang: Lang,
  onClose: () => void,
  setMessage: (m: string) => void,
  message: string,
): HTMLElement[] {
  const e = d.entity;
  const name = displayName(lang, e);
  const legal = LEGAL_TYPES.has(e.type);
  // A legal entity reads in the chosen language only; other entities also show their name in the other language.
  const other = legal ? undefined : lang === "zh" ? e.nameEn : e.nameZh;
  const header = dossierHeader(
    lang,
    onClose,
    h("span", { class: "type-badge", style: `background:${colorOf(e.type)}` }, typeName(lang, e.type)),
    h(
      "h2",
      { class: "dossier-title", "data-testid": "dossier-title", lang: textLang(name) === "zh" ? "zh-CN" : "en" },
      name,
    ),
    typeof other === "string" && other !== name
      ? h("p", { class: "dossier-alt", lang: lang === "zh" ? "en" : "zh-CN" }, other)
      : null,
    h("p", { class: "dossier-id" }, e.id),
  );

  const expanded = state.expansions.has(e.id);
  const guardBox = h("div", { class: "expand-guard", hidden: true });
  const doExpand = async (relTypes?: string[], limit?: number, depth?: number, frame?: boolean) => {
    try {
      const r = await expand(e.id, { relTypes: relTypes?.length ? relTypes : undefined, limit, depth, frame });
      const added =
        r.nodes || r.edges ? t(state.lang, "expanded", { n: r.nodes, m: r.edges }) : t(state.lang, "nothingNew");
      const omitted = r.edgesOmitted ? ` ${t(state.lang, "edgesOmitted", { n: r.edgesOmitted })}` : "";
      setMessage(`${added}${omitted}${r.more ? ` ${t(state.lang, "expandMore")}` : ""}`);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const expandButton = h(
    "button",
    {
      type: "button",
      "data-testid": "expand",
      onclick: () => {
        if (d.relationshipCount > EXPAND_GUARD) {
          guardBox.hidden = false;
          replace(guardBox, ...guardForm(d, lang, (types, limit) => void doExpand(types, limit)));
        } else void doExpand();
      },
    },
    t(lang, "expand"),
  );
  const legalButton =
    e.type === "Law"
      ? h(
          "button",
          {
            type: "button",
            "data-testid": "expand-articles",
            onclick: () => void doExpand(ARTICLE_REL_TYPES, 200, 1, true),
          },
          t(lang, "articles"),
        )
      : e.type === "Provision"
        ? h(
            "button",
            {
              type: "button",
              "data-testid": "expand-duties",
              onclick: () => void doExpand(DUTY_REL_TYPES, 200, 2, true),
            },
            t(lang, "articleDuties"),
          )
        : null;
  const actions = h(
    "div",
    { class: "dossier-actions" },
    legalButton,
    expandButton,
    expanded
      ? h("button", { type: "button", "data-testid": "collapse", onclick: () => collapse(e.id) }, t(lang, "collapse"))
      : null,
    e.type === "Company"
      ? h(
          "a",
          {
            class: "button-link",
            href: `#/briefing?company=${encodeURIComponent(e.id)}`,
            "data-testid": "briefing-link",
          },
          t(lang, "briefing"),
        )
      : null,
  );

  const props = Object.entries(e).filter(([k, v]) => !HIDDEN_PROPS.has(k) && v !== null && v !== undefined && v !== "");
  const propList = legal
    ? legalProps(e, lang)
    : h(
        "dl",
        { class: "props" },
        props.flatMap(([k, v]) => [h("dt", {}, fieldName(lang, k)), propValue(lang, k, v)]),
      );

  const cases = [...d.cases].sort((a, b) => (a.startDate ?? "9999").localeCompare(b.startDate ?? "9999"));
  const caseList = cases.length
    ? h(
        "section",
        { class: "dossier-section" },
        h("h3", {}, t(lang, "cases")),
        h(
          "ol",
          { class: "cases" },
          cases.map((c) =>
            h(
              "li",
              {},
              h("span", { class: "date" }, c.startDate ?? "—"),
              " ",
              entityButton(c.id, c.label),
              h("span", { class: "muted" }, ` ${[c.role, c.caseKind, c.status].filter(Boolean).join(" · ")}`),
              c.outcome ? h("p", { class: "outcome" }, c.outcome) : null,
            ),
          ),
        ),
      )
    : null;

  const groups = d.groups.map((g) => {
    const list = h(
      "ul",
      { class: "rels" },
      g.relationships.map((r) => relationshipItem(r, lang)),
    );
    const count = h("span", { class: "count" });
    const more = h("button", { type: "button", class: "link-button", "data-testid": "load-more" }, t(lang, "loadMore"));
    const showCount = () => {
      const partial = g.relationships.length < g.total;
      count.textContent = partial
        ? ` (${t(lang, "showingOf", { n: g.relationships.length, t: g.total })})`
        : ` (${g.total})`;
      more.hidden = !partial;
    };
    more.onclick = async () => {
      more.disabled = true;
      try {
        const page = await api.entity(e.id, {
          relType: g.type,
          direction: g.direction,
          offset: g.relationships.length,
        });
        const next = page.groups.find((p) => p.type === g.type && p.direction === g.direction)?.relationships ?? [];
        g.relationships.push(...next);
        list.append(...next.map((r) => relationshipItem(r, lang)));
        if (next.length === 0) g.total = g.relationships.length;
      } catch (err) {
        setMessage((err as Error).message);
      } finally {
        more.disabled = false;
        showCount();
      }
    };
    showCount();
    return h(
      "details",
      { class: "rel-group", open: true, "data-reltype": g.type, "data-direction": g.direction },
      h(
        "summary",
        {},
        g.direction === "out" ? `${name} ${relName(lang, g.type)} →` : `← ${relName(lang, g.type)} ${name}`,
        count,
      ),
      list,
      more,
    );
  });

  return [
    header,
    actions,
    guardBox,
    message ? h("p", { class: "notice", role: "status" }, message) : h("span", {}),
    h("section", { class: "dossier-section" }, h("h3", {}, t(lang, "properties")), propList),
    caseList ?? h("span", {}),
    h(
      "section",
      { class: "dossier-section" },
      h("h3", {}, `${t(lang, "relationships")} (${d.relationshipCount})`),
      ...groups,
    ),
  ];
}

function guardForm(d: Dossier, lang: Lang, onAdd: (types: string[], limit: number) => void): HTMLElement[] {
  const counts = new Map<string, number>();
  for (const g of d.groups) counts.set(g.type, (counts.get(g.type) ?? 0) + g.total);
  const boxes = [...counts.entries()].map(([type, n]) => {
    const input = h("input", { type: "checkbox", value: type, checked: true });
    return { input, label: h("label", { class: "check" }, input, ` ${relName(lang, type)} (${n})`) };
  });
  const limit = h("input", {
    type: "number",
    min: 1,
    max: 2000,
    value: DEFAULT_EXPAND_LIMIT,
    "aria-label": t(lang, "expandLimit"),
  });
  return [
    h("p", {}, t(lang, "expandGuard", { n: d.relationshipCount })),
    h(
      "div",
      { class: "checks" },
      boxes.map((b) => b.label),
    ),
    h("label", {}, `${t(lang, "expandLimit")} `, limit),
    h(
      "button",
      {
        type: "button",
        "data-testid": "expand-confirm",
        onclick: () => {
          const chosen = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
          // Every type ticked: no type filter at all (also covers types the lists here do not know).
          onAdd(chosen.length === boxes.length ? [] : chosen, Number(limit.value) || DEFAULT_EXPAND_LIMIT);
        },
      },
      t(lang, "expandAdd"),
    ),
  ];
}

/** The head of a dossier (an entity's or an edge's): its badge, title and id, then the close button. */
function dossierHeader(lang: Lang, onClose: () => void, ...children: (HTMLElement | null)[]): HTMLElement {
  return h(
    "header",
    { class: "dossier-header" },
    ...children,
    h(
      "button",
      {
        type: "button",
        class: "icon-button close",
        "aria-label": t(lang, "close"),
        title: t(lang, "close"),
        onclick: onClose,
      },
      "×",
    ),
  );
}

function entityButton(id: string, label: string): HTMLElement {
  return h(
    "button",
    { type: "button", class: "link-button", "data-id": id, onclick: () => void pickEntity(id) },
    label,
  );
}

/** A selected edge: its type between its two ends, then the evidence as in a dossier. */
function edgeView(r: RelationshipDetail, lang: Lang, onClose: () => void): HTMLElement[] {
  return [
    dossierHeader(
      lang,
      onClose,
      h("span", { class: "type-badge" }, t(lang, "relationship")),
      h(
        "h2",
        { class: "dossier-title", "data-testid": "edge-title" },
        entityButton(r.from.id, displayName(lang, r.from)),
        ` ${relName(lang, r.type)} `,
        entityButton(r.to.id, displayName(lang, r.to)),
      ),
      h("p", { class: "dossier-id" }, r.id),
    ),
    h(
      "ul",
      { class: "rels", "data-testid": "edge-evidence" },
      relationshipItem({ ...r, direction: "out", other: r.to }, lang),
    ),
  ];
}

function relationshipItem(r: DossierRelationship, lang: Lang): HTMLElement {
  const ev = r.evidence;
  const meta = [r.date, r.article, r.role, r.case ? `${r.case}` : undefined].filter(Boolean).join(" · ");
  const sources = ev.sources.map((s) =>
    h(
      "li",
      { class: "source" },
      h("span", { class: "label" }, `${t(lang, "source")}: `),
      tagged(safeLink(s.url, s.title ?? s.id)),
      [s.publisher, s.date, s.via].filter(Boolean).length
        ? h("span", { class: "muted" }, ` — ${[s.publisher, s.date, s.via].filter(Boolean).join(", ")}`)
        : null,
    ),
  );
  const reference = ev.reference
    ? h(
        "li",
        { class: "source" },
        h("span", { class: "label" }, `${t(lang, "reference")}: `),
        tagged(safeLink(ev.reference.url, ev.reference.title ?? ev.reference.url ?? "")),
        ev.reference.provision ? h("span", { class: "muted" }, ` — ${ev.reference.provision}`) : null,
      )
    : null;
  return h(
    "li",
    { class: "rel" },
    h(
      "div",
      { class: "rel-head" },
      h("span", { class: "dot", style: `background:${colorOf(r.other.type)}` }),
      entityButton(r.other.id, displayName(lang, r.other)),
      h(
        "span",
        { class: `basis basis-${ev.basis === "curated" ? "curated" : "reported"}`, title: t(lang, "basis") },
        ev.basis === "curated" ? t(lang, "curated") : t(lang, "reported"),
      ),
    ),
    meta ? h("p", { class: "rel-meta", lang: textLang(meta) === "zh" ? "zh-CN" : "en" }, meta) : null,
    r.note
      ? h(
          "p",
          { class: "rel-note", lang: textLang(r.note) === "zh" ? "zh-CN" : "en" },
          textLang(r.note) !== lang ? [langTag(textLang(r.note), lang), " "] : null,
          r.note,
        )
      : null,
    ...correspondence(r, lang),
    ev.quote ? quoteBlock(ev.quote, lang, { "data-testid": "quote" }) : null,
    sources.length || reference ? h("ul", { class: "sources" }, sources, reference) : null,
  );
}

/** A CORRESPONDS_TO relationship: the duty both articles concern and how they differ, in the chosen language. */
function correspondence(r: DossierRelationship, lang: Lang): HTMLElement[] {
  if (r.type !== "CORRESPONDS_TO") return [];
  const theme = lang === "zh" ? r.themeZh : r.theme;
  const difference = lang === "zh" ? r.differenceZh : r.differenceEn;
  const out: HTMLElement[] = [];
  if (theme) out.push(h("p", { class: "rel-theme" }, h("span", { class: "label" }, `${t(lang, "theme")}: `), theme));
  if (difference)
    out.push(
      h(
        "p",
        { class: "rel-difference", "data-testid": "difference" },
        h("span", { class: "label" }, `${t(lang, "difference")}: `),
        difference,
      ),
    );
  return out;
}

const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : undefined;

/** An amount with its currency code (EUR 35,000,000): unambiguous in both languages. */
function money(amount: number, currency: string | undefined, lang: Lang): string {
  const locale = lang === "zh" ? "zh-CN" : "en-GB";
  if (!currency) return amount.toLocaleString(locale);
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "code",
      maximumFractionDigits: 0,
    })
      .format(amount)
      .replace(/\u00a0/g, " ");
  } catch {
    return `${currency} ${amount.toLocaleString(locale)}`;
  }
}

/**
 * The fields of a provision, obligation, role or penalty, in the chosen language only (textEn or textZh, condition
 * or conditionZh, note or noteZh), with readable names: amounts with their currency, percentages with %, the rule
 * between them in words, the verbatim excerpt as a quotation marked as official text, the official reference as a
 * link, and what the fact was checked against.
 */
function legalProps(e: Dossier["entity"], lang: Lang): HTMLElement {
  const zh = lang === "zh";
  const rows: [string, Node | string][] = [];
  const add = (field: string, value: Node | string | undefined) => {
    if (value !== undefined && value !== "") rows.push([fieldName(lang, field), value]);
  };
  add("number", str(e.number));
  add("text", str(zh ? e.textZh : e.textEn));
  add("condition", str(zh ? e.conditionZh : e.condition));
  add("appliesFrom", str(e.appliesFrom));
  add("appliesUntil", str(e.appliesUntil));
  if (typeof e.maxAmount === "number") add("maxAmount", money(e.maxAmount, str(e.currency), lang));
  if (typeof e.maxTurnoverPercent === "number")
    add("maxTurnoverPercent", `${e.maxTurnoverPercent}%${zh ? "（" : " "}${t(lang, "ofTurnover")}${zh ? "）" : ""}`);
  if (e.rule === "higher" || e.rule === "lower")
    add("rule", t(lang, e.rule === "higher" ? "whichHigher" : "whichLower"));
  add("note", str(zh ? e.noteZh : e.note));
  // Descriptions are written in English only: in Chinese they are labelled as such rather than passed off as Chinese.
  add(zh ? "descriptionEn" : "description", str(e.description));
  const refTitle = str(e.referenceTitle);
  const refUrl = str(e.referenceUrl);
  if (refTitle || refUrl) {
    const provision = str(e.referenceProvision);
    add(
      "reference",
      h(
        "span",
        { "data-testid": "official-reference" },
        tagged(safeLink(refUrl, refTitle ?? refUrl ?? "")),
        provision ? h("span", { class: "muted" }, ` — ${provision}`) : null,
      ),
    );
  }
  if (str(e.url) && e.url !== e.referenceUrl) add("url", safeLink(e.url, t(lang, "openLink")));
  if (str(e.verified)) add("verified", verifiedName(lang, String(e.verified)));
  const excerpt = str(e.excerpt);
  return h(
    "div",
    { class: "legal-props" },
    excerpt
      ? h(
          "blockquote",
          { class: "excerpt", "data-testid": "excerpt" },
          h("span", { class: "tag" }, t(lang, "officialText")),
          h("span", { lang: textLang(excerpt) === "zh" ? "zh-CN" : "en" }, excerpt),
        )
      : null,
    h(
      "dl",
      { class: "props" },
      rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
    ),
  );
}

/** Marks an element with the language of its text (a source's title, a reference), so readers and tests know it. */
function tagged<T extends HTMLElement | string>(el: T): T {
  if (el instanceof HTMLElement) el.setAttribute("lang", textLang(el.textContent ?? "") === "zh" ? "zh-CN" : "en");
  return el;
}

/** A property's value in the dossier: enumerations in words of the language, free text marked with its language. */
function propValue(lang: Lang, key: string, v: unknown): HTMLElement {
  if (key === "url") return h("dd", {}, safeLink(v, String(v)));
  const text = Array.isArray(v) ? v.join(" · ") : typeof v === "object" ? JSON.stringify(v) : String(v);
  const named = valueName(lang, key, text);
  if (named !== text) return h("dd", {}, named);
  const written = textLang(text);
  // Free text the graph holds only in the other language (a description) says so.
  return h(
    "dd",
    { lang: written === "zh" ? "zh-CN" : "en" },
    written !== lang && /\s\S+\s/.test(text) ? [langTag(written, lang), " "] : null,
    text,
  );
}
