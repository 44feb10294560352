/**
 * The briefing page (`#/briefing?company=<id>`): the client profile as a lawyer fills in an intake form (company id
 * or a described company, target markets, activities, the facts that change duties, optional roles, language,
 * as-of date); it asks GET /api/briefings for the HTML briefing and shows it in a sandboxed iframe (srcdoc, scripts
 * not allowed), with downloads in Word, Markdown, HTML, PDF and JSON. Until the server offers briefings it says so.
 */
import { t, type StringKey } from "../i18n.js";
import { state } from "../state.js";
import type { Lang, Problem } from "../../../src/model/wire.js";
import { ACTIVITIES } from "../../../src/briefing/activities.js";
import { h, replace, uid } from "./dom.js";

export const MARKETS = ["EU", "GB", "US", "KR", "JP", "SG", "CN", "CA", "AU", "IN", "BR", "AE"];
const FORMATS = ["docx", "md", "html", "pdf", "json"] as const;
/** The API's own 404 for a route it does not have starts like this (src/api/problem.ts). */
const NO_ROUTE = "There is no API route";
/** Yes/no facts: "" is not stated. */
const FLAGS = [
  ["sme", "briefingSme"],
  ["systemicCompute", "briefingCompute"],
  ["openSource", "briefingOpenSource"],
] as const;

export interface BriefingInput {
  company: string;
  profileName: string;
  home: string;
  markets: string[];
  activities: string[];
  established: string;
  sme: "" | "true" | "false";
  systemicCompute: "" | "true" | "false";
  openSource: "" | "true" | "false";
  turnover: string;
  turnoverCurrency: string;
  roles: string;
  lang: Lang;
  asOf: string;
}

export function briefingUrl(input: BriefingInput, format: string): string {
  const q = new URLSearchParams();
  if (input.company) q.set("company", input.company);
  else {
    q.set("profileName", input.profileName);
    q.set("home", input.home);
  }
  q.set("markets", input.markets.join(","));
  if (input.activities.length) q.set("activities", input.activities.join(","));
  if (input.established.trim()) q.set("established", input.established.trim());
  for (const [key] of FLAGS) if (input[key]) q.set(key, input[key]);
  if (input.turnover.trim()) {
    q.set("turnover", input.turnover.trim());
    q.set("turnoverCurrency", input.turnoverCurrency.trim());
  }
  if (input.roles.trim()) q.set("roles", input.roles.trim());
  q.set("lang", input.lang);
  q.set("format", format);
  if (input.asOf) q.set("asOf", input.asOf);
  return `/api/briefings?${q.toString()}`;
}

export function createBriefingPage(): { element: HTMLElement; show: (params: URLSearchParams) => void } {
  const element = h("main", {
    class: "briefing-page",
    "aria-labelledby": "briefing-title",
    "data-testid": "briefing-page",
  });
  const ids = {
    company: uid("company"),
    profile: uid("profile"),
    home: uid("home"),
    lang: uid("blang"),
    asOf: uid("asof"),
  };
  const factIds = { established: uid("est"), turnover: uid("turn"), currency: uid("cur"), roles: uid("roles") };
  const company = h("input", {
    id: ids.company,
    name: "company",
    type: "text",
    pattern: "[a-z]+:[a-z0-9.#\\-]+",
    "data-testid": "briefing-company",
  });
  const profileName = h("input", {
    id: ids.profile,
    name: "profileName",
    type: "text",
    maxlength: 200,
    "data-testid": "briefing-profile-name",
  });
  const home = h("input", {
    id: ids.home,
    name: "home",
    type: "text",
    maxlength: 6,
    size: 6,
    "data-testid": "briefing-home",
  });
  const langSelect = h(
    "select",
    { id: ids.lang, name: "lang" },
    h("option", { value: "en" }, "English"),
    h("option", { value: "zh" }, "中文"),
  );
  const asOf = h("input", { id: ids.asOf, name: "asOf", type: "date" });
  const marketBoxes = MARKETS.map((m) =>
    h("input", { type: "checkbox", name: "markets", value: m, "data-testid": `market-${m}` }),
  );
  const activityBoxes = ACTIVITIES.map((a) =>
    h("input", { type: "checkbox", name: "activities", value: a, "data-testid": `activity-${a}` }),
  );
  const established = h("input", {
    id: factIds.established,
    name: "established",
    type: "text",
    placeholder: "none / EU,GB",
    "data-testid": "briefing-established",
  });
  const turnover = h("input", {
    id: factIds.turnover,
    name: "turnover",
    type: "number",
    min: "0",
    step: "any",
    "data-testid": "briefing-turnover",
  });
  const currency = h("input", {
    id: factIds.currency,
    name: "turnoverCurrency",
    type: "text",
    maxlength: 3,
    size: 4,
    pattern: "[A-Za-z]{3}",
    "data-testid": "briefing-currency",
  });
  const roles = h("input", {
    id: factIds.roles,
    name: "roles",
    type: "text",
    placeholder: "role:eu-ai-act:deployer",
    "data-testid": "briefing-roles",
  });
  const flagIds = Object.fromEntries(FLAGS.map(([key]) => [key, uid(key)])) as Record<
    (typeof FLAGS)[number][0],
    string
  >;
  const flagSelects = Object.fromEntries(
    FLAGS.map(([key]) => [key, h("select", { id: flagIds[key], name: key, "data-testid": `briefing-${key}` })]),
  ) as Record<(typeof FLAGS)[number][0], HTMLSelectElement>;
  const result = h("section", { class: "briefing-result", "aria-live": "polite", "data-testid": "briefing-result" });
  const form = h("form", { class: "briefing-form" });

  const input = (): BriefingInput => ({
    company: company.value.trim(),
    profileName: profileName.value.trim(),
    home: home.value.trim().toUpperCase(),
    markets: marketBoxes.filter((b) => b.checked).map((b) => b.value),
    activities: activityBoxes.filter((b) => b.checked).map((b) => b.value),
    established: established.value,
    sme: flagSelects.sme.value as BriefingInput["sme"],
    systemicCompute: flagSelects.systemicCompute.value as BriefingInput["systemicCompute"],
    openSource: flagSelects.openSource.value as BriefingInput["openSource"],
    turnover: turnover.value,
    turnoverCurrency: currency.value.toUpperCase(),
    roles: roles.value,
    lang: langSelect.value === "zh" ? "zh" : "en",
    asOf: asOf.value,
  });

  const field = (id: string, key: StringKey, control: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: id }, t(state.lang, key)), control);
  const render = () => {
    const lang = state.lang;
    for (const [key] of FLAGS) {
      const current = flagSelects[key].value;
      replace(
        flagSelects[key],
        h("option", { value: "" }, t(lang, "briefingNotStated")),
        h("option", { value: "true" }, t(lang, "briefingYes")),
        h("option", { value: "false" }, t(lang, "briefingNo")),
      );
      flagSelects[key].value = current;
    }
    replace(
      form,
      field(ids.company, "briefingCompany", company),
      h(
        "div",
        { class: "field profile" },
        h("label", { for: ids.profile }, t(lang, "briefingOrProfile")),
        profileName,
        h("label", { for: ids.home }, t(lang, "briefingHome")),
        home,
      ),
      h(
        "fieldset",
        { class: "markets" },
        h("legend", {}, t(lang, "briefingMarkets")),
        marketBoxes.map((b) => h("label", { class: "check" }, b, ` ${b.value}`)),
      ),
      h(
        "fieldset",
        { class: "activities" },
        h("legend", {}, t(lang, "briefingActivities")),
        activityBoxes.map((b) => h("label", { class: "check" }, b, ` ${t(lang, `activity_${b.value}` as StringKey)}`)),
      ),
      h(
        "fieldset",
        { class: "facts" },
        h("legend", {}, t(lang, "briefingFacts")),
        field(factIds.established, "briefingEstablished", established),
        FLAGS.map(([key, label]) => field(flagIds[key], label, flagSelects[key])),
        h(
          "div",
          { class: "field turnover" },
          h("label", { for: factIds.turnover }, t(lang, "briefingTurnover")),
          turnover,
          h("label", { for: factIds.currency }, t(lang, "briefingCurrency")),
          currency,
        ),
        field(factIds.roles, "briefingRoles", roles),
      ),
      field(ids.lang, "briefingLang", langSelect),
      field(ids.asOf, "briefingAsOf", asOf),
      h(
        "button",
        { type: "submit", class: "primary", "data-testid": "briefing-generate" },
        t(lang, "briefingGenerate"),
      ),
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
    const alert = (key: StringKey) =>
      replace(result, h("p", { class: "error", role: "alert", "data-testid": "briefing-message" }, t(lang, key)));
    if (!value.company && !(value.profileName && value.home)) return alert("briefingNeedSubject");
    if (value.markets.length === 0) return alert("briefingNeedMarket");
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
        h(
          "p",
          { class: unavailable ? "notice" : "error", role: "alert", "data-testid": "briefing-message" },
          unavailable ? t(lang, "briefingUnavailable") : (problem.detail ?? `${res.status}`),
        ),
      );
      return;
    }
    const html = await res.text();
    // srcdoc with an empty sandbox: the briefing is shown, nothing in it can run scripts or reach the page.
    const frame = h("iframe", {
      class: "briefing-frame",
      title: t(lang, "briefingPreview"),
      sandbox: "",
      "data-testid": "briefing-frame",
    });
    frame.srcdoc = html;
    replace(
      result,
      h(
        "div",
        { class: "downloads" },
        `${t(lang, "briefingDownload")}: `,
        FORMATS.map((f) =>
          h(
            "a",
            {
              href: briefingUrl(value, f),
              download: "",
              class: "button-link",
              "data-testid": `briefing-download-${f}`,
            },
            f === "docx" ? "Word" : f.toUpperCase(),
          ),
        ),
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
      for (const b of marketBoxes)
        b.checked = markets.length ? markets.includes(b.value) : b.checked || b.value === "EU";
      const activities = (params.get("activities") ?? "").split(",").filter(Boolean);
      if (activities.length) for (const b of activityBoxes) b.checked = activities.includes(b.value);
      const l = params.get("lang");
      langSelect.value = l === "zh" || l === "en" ? l : state.lang;
      const a = params.get("asOf");
      if (a && /^\d{4}-\d{2}-\d{2}$/.test(a)) asOf.value = a;
    },
  };
}
