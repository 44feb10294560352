/**
 * The briefing as Markdown: every fact on a line (a list item or a table row) that ends with its citations [n],
 * notes as block quotes (they state method or absence, not facts), and the evidence appendix last. Data strings are
 * escaped so that a name or quote cannot open a link, a table cell or emphasis.
 */
import { LEGAL_STRINGS } from "../i18n-legal.js";
import { STRINGS, type Strings } from "../i18n.js";
import type { Briefing, CaseItem, Fact, JurisdictionRef } from "../model.js";

/** Escapes the characters Markdown gives meaning to, and folds line breaks (a cell or item is one line). */
export function mdEscape(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/([\\`*_[\]<>|#~])/g, "\\$1")
    .replace(/^(\d+)\./, "$1\\.")
    .replace(/^([-+])\s/, "\\$1 ");
}

/** A URL as a Markdown link target, only when it is http(s). */
function mdUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

export const citeMarks = (cites: number[]): string => cites.map((n) => `[${n}]`).join("");

const factLine = (f: Fact) => `${mdEscape(f.text)} ${citeMarks(f.cites)}`;
const jur = (j: JurisdictionRef) => `${mdEscape(j.name)} (${mdEscape(j.code)})`;

function caseLines(c: CaseItem, indent = ""): string[] {
  const [main, ...rest] = c.facts;
  return [`${indent}- ${factLine(main)}`, ...rest.map((f) => `${indent}  - ${factLine(f)}`)];
}

export function generatedAtLine(S: Strings, b: Briefing): string {
  return S.labelled(S.generatedAt, b.generatedAt);
}

export function renderMarkdown(b: Briefing): string {
  const S = STRINGS[b.lang];
  const L = LEGAL_STRINGS[b.lang];
  const out: string[] = [];
  const h = b.header;
  const note = (text: string) => out.push(`> ${mdEscape(text)}`, "");

  out.push(`# ${mdEscape(h.title)}`, "");
  out.push(`| | |`, `|---|---|`);
  out.push(`| ${S.subject} | ${mdEscape(h.subject.name)}${h.subject.id ? ` (${mdEscape(h.subject.id)})` : ""} |`);
  out.push(`| ${S.home} | ${h.subject.home ? jur(h.subject.home) : S.homeUnknown} |`);
  out.push(
    `| ${S.activities} | ${h.subject.activities.length ? h.subject.activities.map((a) => S.activityLabels[a]).join(b.lang === "zh" ? "、" : ", ") : S.noneGiven} |`,
  );
  out.push(`| ${S.markets} | ${h.markets.map(jur).join(b.lang === "zh" ? "、" : ", ")} |`);
  out.push(`| ${S.asOf} | ${h.asOf} |`);
  out.push(`| ${S.checksum} | \`${h.graphChecksum}\` |`, "");
  for (const f of h.subject.facts) out.push(`- ${factLine(f)}`);
  if (h.subject.facts.length) out.push("");
  out.push(`**${mdEscape(L.sections.profile)}**`, "");
  for (const f of h.facts) out.push(`- ${mdEscape(f)}`);
  out.push("");
  if (h.topics.length) {
    const topics = h.topics
      .map((t) => S.aside(t.name, t.from === "graph" ? S.topicFrom.graph : S.topicFrom.activity))
      .join(b.lang === "zh" ? "；" : "; ");
    out.push(mdEscape(S.labelled(S.topicsConsidered, topics)), "");
  }
  for (const n of h.notes) note(n);
  out.push(`**${mdEscape(L.sections.frame)}**`, "");
  for (const line of h.frame.coverage) out.push(`- ${mdEscape(line)}`);
  out.push("", `> **${mdEscape(h.frame.disclaimer)}**`, "");
  out.push(generatedAtLine(S, b), "");

  // 1. Summary: exposure by market
  const H = L.summaryHeaders;
  out.push(`## ${S.sections.summary}`, "");
  out.push(
    `| ${H.market} | ${H.level} | ${H.inForce} | ${H.upcoming} | ${H.ceiling} | ${H.enforcement} |`,
    `|---|---|---:|---:|---:|---:|`,
  );
  for (const r of b.summary.rows) {
    const v = (key: string) => String(r.terms.find((t) => t.key === key)?.value ?? "–");
    const enf = r.terms.length
      ? String(r.terms.filter((t) => t.key.startsWith("enforcement")).reduce((n, t) => n + t.value, 0))
      : "–";
    out.push(
      `| ${jur(r.market)} | **${mdEscape(r.levelLabel)}**${r.points !== undefined ? ` (${r.points})` : ""} | ${v("obligationsInForce")} | ${v("obligationsUpcoming")} | ${r.ceiling ? mdEscape(r.ceiling) : "–"} | ${enf} |`,
    );
  }
  out.push("");
  for (const r of b.summary.rows) for (const n of r.notes) note(S.labelled(r.market.name, n));
  for (const n of b.summary.notes) note(n);

  // 2. Markets
  out.push(`## ${S.sections.markets}`, "");
  b.markets.forEach((m, i) => {
    out.push(`### 2.${i + 1} ${jur(m.market)}`, "");
    if (m.roles.length) {
      out.push(`#### ${mdEscape(L.sections.roles)}`, "");
      for (const r of m.roles) out.push(`- ${factLine(r.fact)}`);
      out.push("");
    }
    if (m.obligations.length) {
      out.push(`#### ${mdEscape(L.sections.obligations)}`, "");
      m.obligations.forEach((o, k) => {
        if (k === 0 || m.obligations[k - 1].law.id !== o.law.id)
          out.push(`${k ? "\n" : ""}**${mdEscape(o.law.name)}**`, "");
        out.push(`${k + 1}. ${S.labelled(`**${mdEscape(L.statusLabels[o.status])}**`, factLine(o.fact))}`);
        if (o.reasonFact) out.push(`    - ${factLine(o.reasonFact)}`);
        // The condition, the absence of a ceiling and a reported change are read from the obligation itself: its citation.
        const own = citeMarks(o.fact.cites);
        if (o.condition && o.status !== "not_applicable")
          out.push(`    - ${mdEscape(L.condition(o.condition))} ${own}`);
        for (const p of o.penalties) out.push(`    - ${factLine(p.fact)}`);
        if (o.status !== "not_applicable" && !o.penalties.length) out.push(`    - ${mdEscape(L.noPenalty)} ${own}`);
        for (const c of o.home) out.push(`    - ${factLine(c.fact)}`);
        if (o.reportedChange) out.push(`    - ⚠ ${mdEscape(L.reportedChange(o.reportedChange))} ${own}`);
        if (o.reportedChangeSee) out.push(`    - ⚠ ${mdEscape(L.reportedChangeSee(o.reportedChangeSee))} ${own}`);
      });
      out.push("");
    }
    for (const [key, title] of [
      ["binding", L.sections.lawsBinding],
      ["soft", L.sections.lawsSoft],
      ["none", L.sections.lawsBackground],
    ] as const) {
      const laws = m.laws.filter((l) => l.binding === key);
      if (!laws.length) continue;
      out.push(`#### ${mdEscape(title)}`, "");
      for (const l of laws) out.push(`- ${factLine(l.fact)}`);
      out.push("");
    }
    out.push(`#### ${S.sections.regulators}`, "");
    for (const r of m.regulators) {
      out.push(`- ${factLine(r.fact)}`);
      for (const a of r.actions) out.push(`  - ${factLine(a.fact)}`);
    }
    if (m.regulators.length) out.push("");
    out.push(`#### ${S.sections.precedents}`, "");
    for (const c of m.precedents) out.push(...caseLines(c));
    if (m.precedents.length) out.push("");
    for (const n of m.notes) note(n);
  });

  // 3. Calendar
  out.push(`## ${mdEscape(L.sections.calendar)}`, "");
  for (const n of b.calendar.notes) note(n);
  for (const c of b.calendar.items) out.push(`- ${factLine(c.fact)}`);
  if (b.calendar.items.length) out.push("");

  // 4. First steps
  out.push(`## ${mdEscape(L.sections.steps)}`, "");
  for (const n of b.steps.notes) note(n);
  b.steps.items.forEach((st, k) => {
    out.push(`${k + 1}. ${factLine(st.fact)}`);
    if (st.homeFact) out.push(`    - ${factLine(st.homeFact)}`);
  });
  if (b.steps.items.length) out.push("");

  // 3. Own exposure
  out.push(`## ${S.sections.exposure}`, "");
  if (b.exposure.cases.length) {
    out.push(`### ${S.sections.exposureCases}`, "");
    for (const c of b.exposure.cases) out.push(...caseLines(c));
    out.push("");
  }
  if (b.exposure.models.length) {
    out.push(`### ${S.sections.models}`, "");
    for (const m of b.exposure.models) {
      const [first, ...rest] = m.facts;
      out.push(`- ${factLine(first)}`, ...rest.map((f) => `  - ${factLine(f)}`));
    }
    out.push("");
  }
  for (const n of b.exposure.notes) note(n);

  // 4. Crosswalk
  out.push(`## ${S.sections.crosswalk}`, "");
  for (const cw of b.crosswalk) {
    out.push(`### ${cw.home ? mdEscape(cw.home.name) : S.homeUnknown} → ${mdEscape(cw.market.name)}`, "");
    const rows = cw.rows.filter((r) => r.home.length || r.target.length);
    const empty = cw.rows.filter((r) => !r.home.length && !r.target.length);
    const C = S.crosswalkHeaders;
    if (rows.length) {
      const homeHead = cw.home ? S.crosswalkSide(C.home, cw.home.name) : C.home;
      out.push(
        `| ${C.topic} | ${mdEscape(homeHead)} | ${mdEscape(S.crosswalkSide(C.target, cw.market.name))} | ${C.both} |`,
        `|---|---|---|---|`,
      );
      for (const r of rows) {
        const cell = (cells: typeof r.home, j: JurisdictionRef | null) =>
          cells.length
            ? cells.map((c) => factLine(c.fact)).join("<br>")
            : `_${mdEscape(S.notes.noCrosswalkLaw(j?.name ?? S.homeUnknown))}_`;
        out.push(
          `| ${mdEscape(r.topic.name)} | ${cell(r.home, cw.home)} | ${cell(r.target, cw.market)} | ${r.both ? S.yes : ""} |`,
        );
      }
      out.push("");
    }
    if (empty.length) note(S.labelled(S.none, empty.map((r) => r.topic.name).join(b.lang === "zh" ? "、" : ", ")));
    for (const n of cw.notes) note(n);
  }

  // 5. Risk themes
  out.push(`## ${S.sections.risks}`, "");
  const marketNames = new Map(b.header.markets.map((m) => [m.code, m.name]));
  for (const t of b.riskThemes) {
    out.push(`### ${mdEscape(t.topic.name)}`, "");
    for (const n of t.notes) note(n);
    for (const e of t.evidence) {
      const [first, ...rest] = e.facts;
      out.push(
        `- ${factLine(first)} _(${mdEscape(e.bearing.map((x) => S.bearing(x, marketNames)).join(b.lang === "zh" ? "；" : "; "))})_`,
      );
      for (const f of rest) out.push(`  - ${factLine(f)}`);
    }
    if (t.evidence.length) out.push("");
  }

  // Appendices
  out.push(`## ${S.sections.appendixFormula}`, "");
  for (const line of b.appendix.formula) out.push(`- ${mdEscape(line)}`);
  out.push("", `## ${S.sections.appendixMethod}`, "");
  for (const line of b.appendix.method) out.push(`- ${mdEscape(line)}`);
  out.push("", `## ${S.sections.appendixEvidence}`, "");
  note(S.notes.evidenceAppendix);
  for (const c of b.appendix.citations) {
    const parts: string[] = [];
    if (c.basis === "curated" && c.reference) {
      const url = mdUrl(c.reference.url);
      const title = mdEscape(c.reference.title ?? "");
      parts.push(
        `${S.notes.curatedReference}: ${url ? `[${title}](<${url}>)` : title}${c.reference.provision ? `, ${mdEscape(c.reference.provision)}` : ""}`,
      );
    } else {
      for (const s of c.sources) {
        const url = mdUrl(s.url);
        const title = mdEscape(s.title ?? s.id);
        parts.push(
          [s.date, s.publisher ? mdEscape(s.publisher) : undefined, url ? `[${title}](<${url}>)` : title]
            .filter(Boolean)
            .join(" · "),
        );
      }
      if (c.quote) parts.push(`“${mdEscape(c.quote)}”`);
    }
    parts.push(`${S.notes.relationships}: ${c.relIds.map((id) => `\`${id}\``).join(", ")}`);
    out.push(`${c.n}. ${parts.join(" — ")}`);
  }
  out.push("");
  return out.join("\n");
}
