/**
 * Full-text search over names and aliases in Chinese and English. The cjk analyzer indexes bigrams, so a query is
 * sent both as its terms and, for short terms, as a prefix; when the index finds nothing (a single CJK character,
 * punctuation), a substring scan answers instead.
 */
import { cypher } from "../../db/cypher.js";
import type { Db } from "../../db/driver.js";
import type { SearchHit } from "../../model/wire.js";
import { displayName, entityType, type NodeRow } from "../graph/serialize.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export type { SearchHit };

/** A Lucene query from what a lawyer typed: every term escaped, OR-ed with its prefix form. */
export function luceneQuery(q: string): string {
  const terms = q
    .normalize("NFKC")
    .split(/\s+/)
    .map((t) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter(Boolean);
  const parts = terms.map((t) => `(${t} OR ${t}*)`);
  return parts.join(" AND ");
}

function snippetFor(props: Record<string, unknown>, q: string): string {
  const needle = q.toLowerCase();
  const candidates = [
    props.nameEn,
    props.nameZh,
    ...((props.aliases as string[] | undefined) ?? []),
    props.title,
  ].filter((v): v is string => typeof v === "string");
  return candidates.find((c) => c.toLowerCase().includes(needle)) ?? candidates[0] ?? "";
}

function toHit(row: NodeRow & { score: number; degree: number }, q: string): SearchHit {
  return {
    id: String(row.props.id),
    type: entityType(row.labels),
    label: displayName(row.props),
    nameEn: row.props.nameEn as string | undefined,
    nameZh: row.props.nameZh as string | undefined,
    score: Math.round(row.score * 1000) / 1000,
    degree: row.degree,
    snippet: snippetFor(row.props, q),
  };
}

/** 2 when a name or alias is exactly what was typed, 1 when one starts with it, else 0 (case-insensitive). */
function exactness(props: Record<string, unknown>, q: string): number {
  const needle = q.normalize("NFKC").toLowerCase();
  const names = [props.nameEn, props.nameZh, ...((props.aliases as string[] | undefined) ?? [])]
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.normalize("NFKC").toLowerCase());
  if (names.includes(needle)) return 2;
  return names.some((n) => n.startsWith(needle)) ? 1 : 0;
}

/** An article as a lawyer types it, with what else was typed (a law's name): `AI Act Art. 50(2)`, `第十条`. */
const ARTICLE_PATTERN = /(?:^|\s)(?:art(?:icle)?\.?\s*)?(\d+[a-z]?(?:\(\d+[a-z]?\))*(?:\([a-z]\))?)\s*$/i;
const CHINESE_ARTICLE_PATTERN = /(第[零〇一二三四五六七八九十百千\d]+条)/;

export function articleQuery(q: string): { key: string; rest: string } | undefined {
  const text = q.normalize("NFKC").trim();
  const zh = CHINESE_ARTICLE_PATTERN.exec(text);
  if (zh) return { key: zh[1], rest: text.replace(zh[1], "").trim() };
  const m = ARTICLE_PATTERN.exec(text);
  // A bare number is an article only with "Art."/"Article" or a paragraph: "2024" alone is more likely a year.
  if (!m || (!/art/i.test(text) && !m[1].includes("("))) return undefined;
  return { key: m[1].toLowerCase(), rest: text.slice(0, m.index).trim() };
}

type Row = NodeRow & { score: number; degree: number };

/** Provisions whose number matches, those of the law named beside it first (`AI Act Art. 50`). */
async function searchProvisions(db: Db, q: string, types: string[], limit: number): Promise<Row[]> {
  const article = articleQuery(q);
  if (!article || (types.length > 0 && !types.includes("Provision"))) return [];
  const rows = await db.read<Row>(cypher("api/search-provisions"), { key: article.key, limit: 300 });
  const rest = article.rest.toLowerCase();
  const ofLaw = (r: Row) =>
    [r.props.nameEn, r.props.nameZh, r.props.aliasesText].some(
      (v) => typeof v === "string" && v.toLowerCase().includes(rest),
    );
  const named = rest ? rows.filter(ofLaw) : rows;
  return (named.length > 0 ? named : rows).slice(0, limit);
}

export async function search(db: Db, q: string, types: string[], limit: number): Promise<SearchHit[]> {
  const provisions = await searchProvisions(db, q, types, limit);
  if (provisions.length > 0) return provisions.map((r) => toHit(r, q));
  const query = luceneQuery(q);
  // Over-fetch so that an exact name or alias (GDPR, 数据保护) can be ranked first even when Lucene scores it lower.
  const fetch = Math.min(limit * 3, 300);
  let rows = query ? await db.read<Row>(cypher("api/search"), { query, types, limit: fetch }) : [];
  if (rows.length === 0)
    rows = await db.read<Row>(cypher("api/search-contains"), { text: q.toLowerCase(), types, limit: fetch });
  return rows
    .map((r, i) => ({ r, i, exact: exactness(r.props, q) }))
    .sort((a, b) => b.exact - a.exact || a.i - b.i)
    .slice(0, limit)
    .map(({ r }) => toHit(r, q));
}
