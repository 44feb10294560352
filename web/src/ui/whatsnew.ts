/**
 * The what's-new page (`#/whatsnew?since=2026-02-01&watch=company:bytedance`): a since date and a watch list (picked
 * with the search autocomplete, or typed as ids) ask GET /api/whatsnew, and the events are listed as the API groups
 * them (by watched entity, then by jurisdiction), each with its date, parties, quote and source. An entity's name
 * opens its dossier in the explorer.
 */
import { api, ApiError } from "../api.js";
import { nameIn } from "../graph/labels.js";
import { displayName, relName, t } from "../i18n.js";
import { state } from "../state.js";
import type { WhatsNewEvent, WhatsNewResponse } from "../../../src/model/wire.js";
import { entityHash, whatsNewHash } from "../url.js";
import { h, nameText, quoteBlock, replace, safeLink, textLang, uid } from "./dom.js";
import { createSearchBox } from "./search.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z]+:[a-z0-9][a-z0-9.#-]*$/;

const split = (v: string) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function createWhatsNewPage(): { element: HTMLElement; show: (params: URLSearchParams) => void } {
  const element = h("main", {
    class: "briefing-page whatsnew-page",
    "aria-labelledby": "whatsnew-title",
    "data-testid": "whatsnew-page",
  });
  const sinceId = uid("since");
  const idsId = uid("watch-ids");
  // Empty until the server says what "the last 30 days of the data" is (the first answer fills it in).
  const since = h("input", { id: sinceId, name: "since", type: "date", "data-testid": "whatsnew-since" });
  const ids = h("input", {
    id: idsId,
    name: "watch",
    type: "text",
    spellcheck: "false",
    placeholder: "company:bytedance, regulator:gb-ico",
    "data-testid": "whatsnew-watch-ids",
  });
  /** Names of the watched entities, when known (picked from search or seen in a result). */
  const names = new Map<string, string>();
  const chips = h("ul", { class: "chips", "data-testid": "whatsnew-watch" });
  const result = h("section", { class: "whatsnew-result", "aria-live": "polite", "data-testid": "whatsnew-result" });
  const form = h("form", { class: "briefing-form whatsnew-form" });
  let last: WhatsNewResponse | null = null;
  let seq = 0;

  const watched = () => split(ids.value);
  const setWatched = (list: string[]) => {
    ids.value = [...new Set(list)].join(", ");
    renderChips();
  };

  const picker = createSearchBox({
    label: t(state.lang, "whatsnewWatchAdd"),
    testId: "whatsnew-watch-search",
    onPick: (hit) => {
      names.set(hit.id, displayName(state.lang, hit));
      setWatched([...watched(), hit.id]);
    },
  });

  function renderChips(): void {
    const lang = state.lang;
    replace(
      chips,
      watched().map((id) =>
        h(
          "li",
          { class: "chip", "data-id": id },
          h("span", {}, names.get(id) ? `${names.get(id)} (${id})` : id),
          h(
            "button",
            {
              type: "button",
              class: "icon-button",
              "aria-label": `${t(lang, "remove")} ${id}`,
              onclick: () => setWatched(watched().filter((w) => w !== id)),
            },
            "×",
          ),
        ),
      ),
    );
  }
  ids.addEventListener("change", renderChips);

  const entity = (id: string, en: string | null, zh: string | null, fallback: string) =>
    h(
      "a",
      { href: entityHash(id), class: "entity-link", "data-testid": "whatsnew-entity", "data-id": id },
      nameText(
        nameIn(state.lang, { nameEn: en ?? undefined, nameZh: zh ?? undefined, label: fallback || id }),
        state.lang,
      ),
    );

  const eventItem = (e: WhatsNewEvent) => {
    const lang = state.lang;
    const sourceText =
      [e.sourceTitle, e.sourcePublisher].filter(Boolean).join(", ") || e.sourceDocument || e.sourceId || "";
    return h(
      "li",
      {
        class: "event",
        "data-testid": "whatsnew-event",
        "data-type": e.type,
        "data-from": e.fromId,
        "data-to": e.toId,
        "data-rel": e.relationshipId,
      },
      h(
        "div",
        { class: "event-head" },
        h("time", { datetime: e.date, class: "event-date" }, e.date),
        " ",
        entity(e.fromId, e.fromNameEn, e.fromNameZh, e.fromName),
        ` ${relName(lang, e.type)} `,
        entity(e.toId, e.toNameEn, e.toNameZh, e.toName),
        e.caseId
          ? h(
              "span",
              { class: "muted" },
              ` · ${t(lang, "whatsnewCase")}: `,
              entity(e.caseId, e.caseNameEn, e.caseNameZh, e.caseName ?? e.caseId),
            )
          : null,
        e.jurisdictions.length ? h("span", { class: "muted" }, ` · ${e.jurisdictions.join(", ")}`) : null,
      ),
      e.quote ? quoteBlock(e.quote, lang, { "data-testid": "whatsnew-quote" }) : null,
      sourceText || e.sourceUrl
        ? h(
            "p",
            { class: "event-source", "data-testid": "whatsnew-source" },
            `${t(lang, "source")}: `,
            h(
              "span",
              { lang: textLang(sourceText) === "zh" ? "zh-CN" : "en" },
              safeLink(e.sourceUrl, sourceText || String(e.sourceUrl)),
            ),
            e.sourceDate ? h("span", { class: "muted" }, ` (${e.sourceDate})`) : null,
          )
        : null,
    );
  };

  const group = (heading: string, events: WhatsNewEvent[], testId: string, key: string) =>
    h(
      "section",
      { class: "whatsnew-group", "data-testid": testId, "data-key": key },
      h("h3", {}, `${heading} (${events.length})`),
      events.length
        ? h("ul", { class: "events" }, events.map(eventItem))
        : h("p", { class: "muted" }, t(state.lang, "whatsnewNothing")),
    );

  function renderResult(): void {
    if (!last) return;
    const lang = state.lang;
    const w = last;
    // The events name the watched entities too: use those names for the headings and the chips.
    for (const e of w.byWatched.flatMap((g) => g.events)) {
      if (!names.has(e.fromId))
        names.set(
          e.fromId,
          nameIn(lang, { nameEn: e.fromNameEn ?? undefined, nameZh: e.fromNameZh ?? undefined, label: e.fromName })
            .text,
        );
      if (!names.has(e.toId))
        names.set(
          e.toId,
          nameIn(lang, { nameEn: e.toNameEn ?? undefined, nameZh: e.toNameZh ?? undefined, label: e.toName }).text,
        );
    }
    renderChips();
    replace(
      result,
      w.dataCurrentTo
        ? h("p", { class: "muted", "data-testid": "whatsnew-current" }, t(lang, "dataCurrent", { d: w.dataCurrentTo }))
        : null,
      h(
        "p",
        { "data-testid": "whatsnew-total" },
        t(lang, "whatsnewTotal", { n: w.total, d: w.since }),
        w.truncated ? ` ${t(lang, "whatsnewTruncated", { n: w.total })}` : "",
      ),
      // Never an empty page without a reason: say how far back the data goes and what to try.
      w.total === 0
        ? h(
            "p",
            { class: "notice", "data-testid": "whatsnew-empty" },
            t(lang, "whatsnewEmpty", { d: w.since, c: w.dataCurrentTo ?? "—" }),
          )
        : null,
      h(
        "p",
        { class: "hint" },
        h(
          "a",
          { href: api.feedUrl(w.watch, lang), "data-testid": "whatsnew-feed", type: "application/atom+xml" },
          t(lang, "whatsnewFeed"),
        ),
      ),
      w.byWatched.map((g) =>
        group(
          t(lang, "whatsnewWatched", { name: names.get(g.id) ? `${names.get(g.id)} (${g.id})` : g.id }),
          g.events,
          "whatsnew-watched",
          g.id,
        ),
      ),
      w.byJurisdiction.length ? h("h2", {}, t(lang, "whatsnewByJurisdiction")) : null,
      // The API's bucket for events without a jurisdiction is named in English; the page names it in the language.
      w.byJurisdiction.map((g) =>
        group(
          g.jurisdiction.startsWith("(") ? t(lang, "whatsnewNoJurisdiction") : g.jurisdiction,
          g.events,
          "whatsnew-jurisdiction",
          g.jurisdiction,
        ),
      ),
    );
  }

  async function run(): Promise<void> {
    const lang = state.lang;
    const date = since.value;
    const list = watched();
    if (date && !DATE.test(date)) {
      replace(
        result,
        h("p", { class: "error", role: "alert", "data-testid": "whatsnew-message" }, t(lang, "whatsnewBadDate")),
      );
      return;
    }
    const bad = list.filter((id) => !ID.test(id));
    if (bad.length) {
      replace(
        result,
        h(
          "p",
          { class: "error", role: "alert", "data-testid": "whatsnew-message" },
          t(lang, "whatsnewBadIds", { ids: bad.join(", ") }),
        ),
      );
      return;
    }
    const mine = ++seq;
    replace(result, h("p", { class: "muted" }, t(lang, "loading")));
    try {
      // No date: the server answers the last 30 days of the data, and says which date that is.
      const w = await api.whatsNew(date || undefined, list);
      if (mine !== seq) return;
      since.value = w.since;
      // The hash keeps the question, so the page can be shared or reloaded (replaced: Back leaves the page).
      const hash = whatsNewHash(w.since, list);
      if (location.hash !== hash) history.replaceState(null, "", hash);
      last = w;
      renderResult();
    } catch (err) {
      if (mine !== seq) return;
      last = null;
      const message = err instanceof ApiError && err.status === 0 ? t(lang, "apiDown") : (err as Error).message;
      replace(result, h("p", { class: "error", role: "alert", "data-testid": "whatsnew-message" }, message));
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run();
  });

  const render = () => {
    const lang = state.lang;
    picker.setLabel(t(lang, "whatsnewWatchAdd"));
    replace(
      form,
      h("div", { class: "field" }, h("label", { for: sinceId }, t(lang, "whatsnewSince")), since),
      h(
        "fieldset",
        { class: "watch" },
        h("legend", {}, t(lang, "whatsnewWatch")),
        chips,
        picker.element,
        h("label", { for: idsId, class: "hint" }, t(lang, "whatsnewWatchIds")),
        ids,
      ),
      h("button", { type: "submit", class: "primary", "data-testid": "whatsnew-show" }, t(lang, "whatsnewShow")),
    );
    replace(
      element,
      h("p", {}, h("a", { href: "#/explore", class: "back-link" }, t(lang, "briefingBack"))),
      h("h1", { id: "whatsnew-title" }, t(lang, "whatsnewTitle")),
      h("p", { class: "muted" }, t(lang, "whatsnewIntro")),
      form,
      result,
    );
    renderChips();
    renderResult();
  };

  state.on("lang", render);
  render();

  return {
    element,
    show: (params) => {
      const s = params.get("since");
      const w = params.get("watch");
      if (w !== null) setWatched(split(w));
      if (s && DATE.test(s)) {
        since.value = s;
        // A link with a date is a question already asked: answer it.
        if (!last || last.since !== s || last.watch.join(",") !== watched().join(",")) void run();
      } else if (!last) void run(); // the page opened without a date: the latest events of the data
    },
  };
}
