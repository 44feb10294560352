/**
 * The briefing page (`#/briefing?company=<id>`): a form (company id, target markets, language, as-of date) that
 * asks GET /api/briefings for the HTML briefing and shows it in a sandboxed iframe (srcdoc, scripts not allowed),
 * with downloads in Markdown, HTML, PDF and JSON. Until the server offers briefings it says so plainly.
 */
import { t } from "../i18n.js";
import { state } from "../state.js";
import type { Lang, Problem } from "../types.js";
import { h, replace, uid } from "./dom.js";

export const MARKETS = ["EU", "GB", "US", "KR", "JP", "SG", "CN", "CA", "AU", "IN", "BR", "AE"];
const FORMATS = ["md", "html", "pdf", "json"] as const;
/** The API's own 404 for a route it does not have starts like this (src/api/problem.ts). */
const NO_ROUTE = "There is no API route";

export interface BriefingInput {
  company: string;
  markets: string[];
  lang: Lang;
  asOf: string;
}

export function briefingUrl(input: BriefingInput, format: string): string {
  const q = new URLSearchParams({ company: input.company, markets: input.markets.join(","), lang: input.lang, format });
  if (input.asOf) q.set("asOf", input.asOf);
  return `/api/briefings?${q.toString()}`;
}

export function createBriefingPage(): { element: HTMLElement; show: (params: URLSearchParams) => void } {
  const element = h("main", { class: "briefing-page", "aria-labelledby": "briefing-title", "data-testid": "briefing-page" });
  const companyId = uid("company");
  const langId = uid("blang");
  const asOfId = uid("asof");
  const company = h("input", { id: companyId, name: "company", type: "text", required: true, pattern: "[a-z]+:[a-z0-9.#\\-]+", "data-testid": "briefing-company" });
  const langSelect = h("select", { id: langId, name: "lang" }, h("option", { value: "en" }, "English"), h("option", { value: "zh" }, "中文"));
  const asOf = h("input", { id: asOfId, name: "asOf", type: "date" });
  const marketBoxes = MARKETS.map((m) => h("input", { type: "checkbox", name: "markets", value: m, "data-testid": `market-${m}` }));
  const result = h("section", { class: "briefing-result", "aria-live": "polite", "data-testid": "briefing-result" });
  const form = h("form", { class: "briefing-form" });

  const input = (): BriefingInput => ({
    company: company.value.trim(),
    markets: marketBoxes.filter((b) => b.checked).map((b) => b.value),
    lang: langSelect.value === "zh" ? "zh" : "en",
    asOf: asOf.value,
  });

  const render = () => {
    const lang = state.lang;
    replace(
      form,
      h("div", { class: "field" }, h("label", { for: companyId }, t(lang, "briefingCompany")), company),
      h(
        "fieldset",
        { class: "markets" },
        h("legend", {}, t(lang, "briefingMarkets")),
        marketBoxes.map((b) => h("label", { class: "check" }, b, ` ${b.value}`)),
      ),
      h("div", { class: "field" }, h("label", { for: langId }, t(lang, "briefingLang")), langSelect),
      h("div", { class: "field" }, h("label", { for: asOfId }, t(lang, "briefingAsOf")), asOf),
      h("button", { type: "submit", class: "primary", "data-testid": "briefing-generate" }, t(lang, "briefingGenerate")),
    );
    replace(
      element,
      h("p", {}, h("a", { href: "#/explore", class: "back-link" }, t(lang, "briefingBack"))),
      h("h1", { id: "briefing-title" }, t(lang, "briefingTitle")),
      form,
      result,
    );
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const lang = state.lang;
    const value = input();
    if (value.markets.length === 0) {
      replace(result, h("p", { class: "error", role: "alert" }, t(lang, "briefingNeedMarket")));
      return;
    }
    replace(result, h("p", { class: "muted" }, t(lang, "loading")));
    let res: Response;
    try {
      res = await fetch(briefingUrl(value, "html"), { headers: { accept: "text/html, application/json" } });
    } catch {
      replace(result, h("p", { class: "error", role: "alert" }, t(lang, "apiDown")));
      return;
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as Partial<Problem>;
      const unavailable = res.status === 404 && (!problem.detail || problem.detail.startsWith(NO_ROUTE));
      replace(
        result,
        h("p", { class: unavailable ? "notice" : "error", role: "alert", "data-testid": "briefing-message" }, unavailable ? t(lang, "briefingUnavailable") : (problem.detail ?? `${res.status}`)),
      );
      return;
    }
    const html = await res.text();
    // srcdoc with an empty sandbox: the briefing is shown, nothing in it can run scripts or reach the page.
    const frame = h("iframe", { class: "briefing-frame", title: t(lang, "briefingPreview"), sandbox: "", "data-testid": "briefing-frame" });
    frame.srcdoc = html;
    replace(
      result,
      h(
        "div",
        { class: "downloads" },
        `${t(lang, "briefingDownload")}: `,
        FORMATS.map((f) => h("a", { href: briefingUrl(value, f), download: "", class: "button-link", "data-testid": `briefing-download-${f}` }, f.toUpperCase())),
      ),
      frame,
    );
  });

  state.on("lang", render);
  render();

  return {
    element,
    show: (params) => {
      company.value = params.get("company") ?? company.value;
      const markets = (params.get("markets") ?? "").split(",").filter(Boolean);
      for (const b of marketBoxes) b.checked = markets.length ? markets.includes(b.value) : b.checked || b.value === "EU";
      const l = params.get("lang");
      langSelect.value = l === "zh" || l === "en" ? l : state.lang;
      const a = params.get("asOf");
      if (a && /^\d{4}-\d{2}-\d{2}$/.test(a)) asOf.value = a;
    },
  };
}
