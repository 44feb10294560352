/**
 * The briefing as one self-contained HTML page styled for print (A4, the CJK font stack, citations as superscript
 * links to the evidence appendix). No scripts, no external resources; every data string is escaped.
 */
import { STRINGS, type Strings } from "../i18n.js";
import { LEGAL_STRINGS } from "../i18n-legal.js";
import type { Briefing, CaseItem, ExposureRow, Fact, JurisdictionRef } from "../model.js";

/** The font stack: Noto Sans CJK SC covers Latin and Chinese alike, so a page never mixes metrics mid-line. */
export const FONT_STACK = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", Arial, sans-serif`;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only http(s) URLs become links; anything else is shown as text. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 9.5pt; line-height: 1.45; color: #1d232b; }
body { margin: 0; }
main { max-width: 178mm; margin: 0 auto; }
h1 { font-size: 17pt; line-height: 1.25; margin: 0 0 4mm; color: #13294b; }
h2 { font-size: 13pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #13294b; color: #13294b; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; color: #13294b; break-after: avoid; }
h4 { font-size: 10pt; margin: 3.5mm 0 1.5mm; color: #3a4a5e; break-after: avoid; }
p { margin: 1.5mm 0; }
ul { margin: 1mm 0 2mm; padding-left: 5mm; }
li { margin: 0.8mm 0; break-inside: avoid; }
li ul { margin: 0.5mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8.8pt; }
th, td { border: 0.5pt solid #b8c2cf; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #eef2f7; font-weight: 700; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.risk { white-space: nowrap; }
table.meta { width: auto; min-width: 60%; }
table.meta th { width: 32mm; }
sup.cite { font-size: 6.5pt; line-height: 0; white-space: nowrap; }
sup.cite a { color: #1d4f91; text-decoration: none; }
.note { margin: 1.5mm 0 2.5mm; padding: 1.2mm 2.5mm; border-left: 2pt solid #b8c2cf; color: #4b5868; font-style: italic; }
.bearing { color: #4b5868; font-size: 8.5pt; }
.generated { color: #6b7785; font-size: 8pt; }
.checksum { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; word-break: break-all; }
.level { display: inline-block; padding: 0.2mm 2mm; border-radius: 1.5mm; font-weight: 700; }
.level-low { background: #e3f1e6; color: #1e5b2c; }
.level-medium { background: #fcefd6; color: #7a4b00; }
.level-high { background: #f8dcdc; color: #8a1c1c; }
.level-not_assessed { background: #e6e9ee; color: #3a4a5e; }
ol.obligations { padding-left: 6mm; }
.status { display: inline-block; font-weight: 700; font-size: 8pt; padding: 0 1.5mm; border-radius: 1mm; background: #eef2f7; }
.status-not_applicable { color: #6b7785; }
.status-not_applicable .status { background: #f1f1f1; }
.status-upcoming .status { background: #fcefd6; }
.reported { color: #7a4b00; }
.disclaimer { border: 0.8pt solid #8a1c1c; padding: 1.5mm 2.5mm; }
.market { break-before: auto; }
ol.evidence { padding-left: 7mm; font-size: 8.3pt; }
ol.evidence li { margin: 1.2mm 0; }
.quote { font-style: normal; }
.rels { color: #6b7785; font-size: 7.5pt; word-break: break-all; }
a { color: #1d4f91; overflow-wrap: anywhere; }
.appendix { break-before: page; }
`;

export function renderHtml(b: Briefing): string {
  const S: Strings = STRINGS[b.lang];
  const e = escapeHtml;
  const sep = b.lang === "zh" ? "、" : ", ";
  const cites = (ns: number[]) => ns.map((n) => `<sup class="cite"><a href="#c${n}">[${n}]</a></sup>`).join("");
  const fact = (f: Fact) => `${e(f.text)}${cites(f.cites)}`;
  const jur = (j: JurisdictionRef) => `${e(j.name)} (${e(j.code)})`;
  const note = (text: string) => `<p class="note">${e(text)}</p>`;
  const caseLi = (c: CaseItem, extra = "") => {
    const [main, ...rest] = c.facts;
    return `<li>${fact(main)}${extra}${rest.length ? `<ul>${rest.map((f) => `<li>${fact(f)}</li>`).join("")}</ul>` : ""}</li>`;
  };
  const L = LEGAL_STRINGS[b.lang];
  const level = (r: ExposureRow) =>
    `<span class="level level-${r.level}">${e(r.levelLabel)}</span>${r.points !== undefined ? ` (${r.points})` : ""}`;
  const out: string[] = [];
  const h = b.header;

  out.push(
    "<!doctype html>",
    `<html lang="${b.lang === "zh" ? "zh-Hans" : "en"}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(h.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body><main>",
    `<h1>${e(h.title)}</h1>`,
    '<table class="meta">',
    `<tr><th>${e(S.subject)}</th><td>${e(h.subject.name)}${h.subject.id ? ` (${e(h.subject.id)})` : ""}</td></tr>`,
    `<tr><th>${e(S.home)}</th><td>${h.subject.home ? jur(h.subject.home) : e(S.homeUnknown)}</td></tr>`,
    `<tr><th>${e(S.activities)}</th><td>${h.subject.activities.length ? e(h.subject.activities.map((a) => S.activityLabels[a]).join(sep)) : e(S.noneGiven)}</td></tr>`,
    `<tr><th>${e(S.markets)}</th><td>${h.markets.map(jur).join(e(sep))}</td></tr>`,
    `<tr><th>${e(S.asOf)}</th><td>${e(h.asOf)}</td></tr>`,
    `<tr><th>${e(S.checksum)}</th><td class="checksum">${e(h.graphChecksum)}</td></tr>`,
    "</table>",
  );
  if (h.subject.facts.length) out.push(`<ul>${h.subject.facts.map((f) => `<li>${fact(f)}</li>`).join("")}</ul>`);
  out.push(`<h4>${e(L.sections.profile)}</h4>`, `<ul>${h.facts.map((f) => `<li>${e(f)}</li>`).join("")}</ul>`);
  if (h.topics.length) {
    const topics = h.topics
      .map((t) => S.aside(t.name, t.from === "graph" ? S.topicFrom.graph : S.topicFrom.activity))
      .join(b.lang === "zh" ? "；" : "; ");
    out.push(`<p>${e(S.labelled(S.topicsConsidered, topics))}</p>`);
  }
  for (const n of h.notes) out.push(note(n));
  out.push(`<h4>${e(L.sections.frame)}</h4>`, `<ul>${h.frame.coverage.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`);
  out.push(`<p class="disclaimer"><strong>${e(h.frame.disclaimer)}</strong></p>`);
  out.push(`<p class="generated">${e(S.labelled(S.generatedAt, b.generatedAt))}</p>`);

  // 1. Summary: exposure by market
  const H = L.summaryHeaders;
  out.push(`<h2>${e(S.sections.summary)}</h2>`, "<table>");
  out.push(
    `<tr><th>${e(H.market)}</th><th>${e(H.level)}</th><th>${e(H.inForce)}</th><th>${e(H.upcoming)}</th><th>${e(H.ceiling)}</th><th>${e(H.enforcement)}</th></tr>`,
  );
  for (const r of b.summary.rows) {
    const v = (key: string) => String(r.terms.find((t) => t.key === key)?.value ?? "–");
    const enf = r.terms.length
      ? String(r.terms.filter((t) => t.key.startsWith("enforcement")).reduce((n, t) => n + t.value, 0))
      : "–";
    out.push(
      `<tr><td>${jur(r.market)}</td><td class="risk">${level(r)}</td><td class="num">${v("obligationsInForce")}</td><td class="num">${v("obligationsUpcoming")}</td><td>${e(r.ceiling ?? "–")}</td><td class="num">${enf}</td></tr>`,
    );
  }
  out.push("</table>");
  for (const r of b.summary.rows) for (const n of r.notes) out.push(note(S.labelled(r.market.name, n)));
  for (const n of b.summary.notes) out.push(note(n));

  // 2. Markets
  out.push(`<h2>${e(S.sections.markets)}</h2>`);
  b.markets.forEach((m, i) => {
    out.push(`<section class="market"><h3>2.${i + 1} ${jur(m.market)}</h3>`);
    if (m.roles.length)
      out.push(
        `<h4>${e(L.sections.roles)}</h4>`,
        `<ul>${m.roles.map((r) => `<li>${fact(r.fact)}</li>`).join("")}</ul>`,
      );
    if (m.obligations.length) {
      out.push(`<h4>${e(L.sections.obligations)}</h4>`);
      m.obligations.forEach((o, k) => {
        if (k === 0 || m.obligations[k - 1].law.id !== o.law.id)
          out.push(
            `${k ? "</ol>" : ""}<p class="law-name"><strong>${e(o.law.name)}</strong></p><ol class="obligations" start="${k + 1}">`,
          );
        const sub: string[] = [];
        if (o.reasonFact) sub.push(fact(o.reasonFact));
        const own = cites(o.fact.cites);
        if (o.condition && o.status !== "not_applicable") sub.push(`${e(L.condition(o.condition))}${own}`);
        for (const p of o.penalties) sub.push(fact(p.fact));
        if (o.status !== "not_applicable" && !o.penalties.length) sub.push(`${e(L.noPenalty)}${own}`);
        for (const c of o.home) sub.push(fact(c.fact));
        if (o.reportedChange)
          sub.push(`<span class="reported">⚠ ${e(L.reportedChange(o.reportedChange))}</span>${own}`);
        if (o.reportedChangeSee)
          sub.push(`<span class="reported">⚠ ${e(L.reportedChangeSee(o.reportedChangeSee))}</span>${own}`);
        out.push(
          `<li class="obligation status-${o.status}"><span class="status">${e(L.statusLabels[o.status])}</span> ${fact(o.fact)}${sub.length ? `<ul>${sub.map((x) => `<li>${x}</li>`).join("")}</ul>` : ""}</li>`,
        );
      });
      out.push("</ol>");
    }
    for (const [key, title] of [
      ["binding", L.sections.lawsBinding],
      ["soft", L.sections.lawsSoft],
      ["none", L.sections.lawsBackground],
    ] as const) {
      const laws = m.laws.filter((l) => l.binding === key);
      if (laws.length)
        out.push(`<h4>${e(title)}</h4>`, `<ul>${laws.map((l) => `<li>${fact(l.fact)}</li>`).join("")}</ul>`);
    }
    out.push(`<h4>${e(S.sections.regulators)}</h4>`);
    if (m.regulators.length) {
      out.push(
        `<ul>${m.regulators.map((r) => `<li><strong>${fact(r.fact)}</strong><ul>${r.actions.map((a) => `<li>${fact(a.fact)}</li>`).join("")}</ul></li>`).join("")}</ul>`,
      );
    }
    out.push(`<h4>${e(S.sections.precedents)}</h4>`);
    if (m.precedents.length) out.push(`<ul>${m.precedents.map((c) => caseLi(c)).join("")}</ul>`);
    for (const n of m.notes) out.push(note(n));
    out.push("</section>");
  });

  // 3. Calendar
  out.push(`<h2>${e(L.sections.calendar)}</h2>`);
  for (const n of b.calendar.notes) out.push(note(n));
  if (b.calendar.items.length) out.push(`<ul>${b.calendar.items.map((c) => `<li>${fact(c.fact)}</li>`).join("")}</ul>`);

  // 4. First steps
  out.push(`<h2>${e(L.sections.steps)}</h2>`);
  for (const n of b.steps.notes) out.push(note(n));
  if (b.steps.items.length) {
    out.push(
      `<ol>${b.steps.items.map((st) => `<li>${fact(st.fact)}${st.homeFact ? `<ul><li>${fact(st.homeFact)}</li></ul>` : ""}</li>`).join("")}</ol>`,
    );
  }

  // 3. Own exposure
  out.push(`<h2>${e(S.sections.exposure)}</h2>`);
  if (b.exposure.cases.length)
    out.push(`<h3>${e(S.sections.exposureCases)}</h3>`, `<ul>${b.exposure.cases.map((c) => caseLi(c)).join("")}</ul>`);
  if (b.exposure.models.length) {
    out.push(
      `<h3>${e(S.sections.models)}</h3>`,
      `<ul>${b.exposure.models
        .map((m) => {
          const [first, ...rest] = m.facts;
          return `<li>${fact(first)}${rest.length ? `<ul>${rest.map((f) => `<li>${fact(f)}</li>`).join("")}</ul>` : ""}</li>`;
        })
        .join("")}</ul>`,
    );
  }
  for (const n of b.exposure.notes) out.push(note(n));

  // 4. Crosswalk
  out.push(`<h2>${e(S.sections.crosswalk)}</h2>`);
  const C = S.crosswalkHeaders;
  for (const cw of b.crosswalk) {
    out.push(`<h3>${cw.home ? e(cw.home.name) : e(S.homeUnknown)} → ${e(cw.market.name)}</h3>`);
    const rows = cw.rows.filter((r) => r.home.length || r.target.length);
    const empty = cw.rows.filter((r) => !r.home.length && !r.target.length);
    if (rows.length) {
      const homeHead = cw.home ? S.crosswalkSide(C.home, cw.home.name) : C.home;
      out.push(
        `<table class="crosswalk"><tr><th>${e(C.topic)}</th><th>${e(homeHead)}</th><th>${e(S.crosswalkSide(C.target, cw.market.name))}</th><th>${e(C.both)}</th></tr>`,
      );
      for (const r of rows) {
        const cell = (cells: typeof r.home, j: JurisdictionRef | null) =>
          cells.length
            ? cells.map((c) => fact(c.fact)).join("<br>")
            : `<em>${e(S.notes.noCrosswalkLaw(j?.name ?? S.homeUnknown))}</em>`;
        out.push(
          `<tr><td>${e(r.topic.name)}</td><td>${cell(r.home, cw.home)}</td><td>${cell(r.target, cw.market)}</td><td>${r.both ? e(S.yes) : ""}</td></tr>`,
        );
      }
      out.push("</table>");
    }
    if (empty.length) out.push(note(S.labelled(S.none, empty.map((r) => r.topic.name).join(sep))));
    for (const n of cw.notes) out.push(note(n));
  }

  // 5. Risk themes
  out.push(`<h2>${e(S.sections.risks)}</h2>`);
  const marketNames = new Map(h.markets.map((m) => [m.code, m.name]));
  for (const t of b.riskThemes) {
    out.push(`<h3>${e(t.topic.name)}</h3>`);
    for (const n of t.notes) out.push(note(n));
    if (t.evidence.length) {
      out.push(
        `<ul>${t.evidence
          .map((ev) => {
            const [first, ...rest] = ev.facts;
            const bearing = ` <span class="bearing">(${e(ev.bearing.map((x) => S.bearing(x, marketNames)).join(b.lang === "zh" ? "；" : "; "))})</span>`;
            return `<li>${fact(first)}${bearing}${rest.length ? `<ul>${rest.map((f) => `<li>${fact(f)}</li>`).join("")}</ul>` : ""}</li>`;
          })
          .join("")}</ul>`,
      );
    }
  }

  // Appendices
  out.push(
    `<section class="appendix"><h2>${e(S.sections.appendixFormula)}</h2>`,
    `<ul>${b.appendix.formula.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`,
  );
  out.push(
    `<h2>${e(S.sections.appendixMethod)}</h2>`,
    `<ul>${b.appendix.method.map((l) => `<li>${e(l)}</li>`).join("")}</ul></section>`,
  );
  out.push(
    `<section><h2>${e(S.sections.appendixEvidence)}</h2>`,
    note(S.notes.evidenceAppendix),
    '<ol class="evidence">',
  );
  for (const c of b.appendix.citations) {
    const parts: string[] = [];
    const link = (title: string, url?: string) =>
      safeUrl(url) ? `<a href="${e(safeUrl(url)!)}">${e(title)}</a>` : e(title);
    if (c.basis === "curated" && c.reference) {
      parts.push(
        `${e(S.notes.curatedReference)}: ${link(c.reference.title ?? "", c.reference.url)}${c.reference.provision ? `, ${e(c.reference.provision)}` : ""}`,
      );
      if (safeUrl(c.reference.url)) parts.push(`<span class="rels">${e(c.reference.url!)}</span>`);
    } else {
      for (const s of c.sources) {
        parts.push(
          [s.date ? e(s.date) : "", s.publisher ? e(s.publisher) : "", link(s.title ?? s.id, s.url)]
            .filter(Boolean)
            .join(" · "),
        );
        if (safeUrl(s.url)) parts.push(`<span class="rels">${e(s.url!)}</span>`);
      }
      if (c.quote) parts.push(`<span class="quote">“${e(c.quote)}”</span>`);
    }
    parts.push(`<span class="rels">${e(S.notes.relationships)}: ${e(c.relIds.join(", "))}</span>`);
    out.push(`<li id="c${c.n}" value="${c.n}">${parts.join("<br>")}</li>`);
  }
  out.push("</ol></section>", "</main></body>", "</html>", "");
  return out.join("\n");
}
