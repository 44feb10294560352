/**
 * What the graph gained since a date: new cases (investigations, lawsuits, accusations, fines) and laws or guidance
 * issued, read from the database (cypher/whatsnew/events.cypher) and grouped the way a monthly horizon scan is
 * written: first by the entities the lawyer watches, then by jurisdiction. Every event keeps its quote and source.
 */
import neo4j from "neo4j-driver";

import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import type { WhatsNewEvent, WhatsNewResponse } from "../model/wire.js";
import { BadRequestError } from "../errors.js";
import { IsoDate } from "../model/index.js";
import { pushTo } from "./maps.js";

export const MAX_WHATSNEW_ROWS = 2000;
const NO_JURISDICTION = "(no jurisdiction recorded)";
const KIND_WORDS: Record<string, string> = {
  INVESTIGATES: "investigation",
  SUES: "lawsuit",
  ACCUSES: "accusation",
  FINES: "fine",
  ISSUES: "law or guidance issued",
};

export type { WhatsNewEvent };
export type WhatsNew = WhatsNewResponse;

/**
 * The events since `since` (ISO date): those involving each watched entity id, and all of them by jurisdiction
 * (`watchedOnly` restricts the jurisdiction view to the watched entities' events).
 */
export async function whatsNew(
  db: Db,
  since: string,
  watch: string[] = [],
  limit = MAX_WHATSNEW_ROWS,
  watchedOnly = false,
): Promise<WhatsNew> {
  if (!IsoDate.safeParse(since).success)
    throw new BadRequestError(`--since '${since}' is not a date; write it as YYYY-MM-DD (or YYYY-MM)`);
  const badId = watch.find((id) => !/^[a-z]+:[a-z0-9][a-z0-9.#-]*$/.test(id));
  if (badId)
    throw new BadRequestError(
      `--watch '${badId}' is not an entity id; ids look like company:openai or regulator:gb-ico`,
    );
  const rows = await db.read<WhatsNewEvent>(cypher("whatsnew/events"), {
    since,
    watch: watchedOnly ? watch : [],
    limit: neo4j.int(limit + 1),
  });
  const events = rows.slice(0, limit);
  const byWatched = watch.map((id) => ({
    id,
    events: events.filter((e) => e.fromId === id || e.toId === id || e.caseId === id),
  }));
  const groups = new Map<string, WhatsNewEvent[]>();
  for (const e of events)
    for (const j of e.jurisdictions.length ? e.jurisdictions : [NO_JURISDICTION]) pushTo(groups, j, e);
  const byJurisdiction = [...groups.entries()]
    .sort(([a], [b]) => (a === NO_JURISDICTION ? 1 : b === NO_JURISDICTION ? -1 : a.localeCompare(b)))
    .map(([jurisdiction, evs]) => ({ jurisdiction, events: evs }));
  const dataCurrentTo = await newestSourceDate(db);
  return {
    since,
    dataCurrentTo,
    watch,
    total: events.length,
    truncated: rows.length > limit,
    byWatched,
    byJurisdiction,
  };
}

/** The date of the newest source in the graph (how current the data is), or null for a graph without dated sources. */
export async function newestSourceDate(db: Db): Promise<string | null> {
  const [row] = await db.read<{ date: string | null }>(cypher("whatsnew/newest-source-date"), {});
  return row?.date ?? null;
}

/** The ISO date `days` before a date given with day, month or year precision (a month counts from its first day). */
export function daysBefore(date: string, days: number): string {
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
  return new Date(Date.parse(`${full}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** One event as a few lines of text: what, when, who, the quote and the source. */
export function formatEvent(e: WhatsNewEvent): string {
  const word = KIND_WORDS[e.type] ?? e.type;
  const caseKind = e.caseKind?.replace(/_/g, " ");
  const kind = caseKind && caseKind !== word ? `${word} (${caseKind})` : word;
  const lines = [`  ${e.date}  ${kind}: ${e.fromName} -> ${e.toName}${e.caseName ? `  [case: ${e.caseName}]` : ""}`];
  if (e.quote) lines.push(`      "${e.quote}"`);
  const source = [e.sourceTitle, e.sourcePublisher, e.sourceDate].filter(Boolean).join(", ");
  if (source || e.sourceUrl) lines.push(`      source: ${source}${e.sourceUrl ? ` <${e.sourceUrl}>` : ""}`);
  return lines.join("\n");
}

export function formatWhatsNew(w: WhatsNew): string {
  const out = [`What's new since ${w.since}: ${w.total} event(s)${w.truncated ? ` (first ${w.total} shown)` : ""}.`];
  for (const { id, events } of w.byWatched) {
    out.push("", `== Watched: ${id} (${events.length}) ==`);
    out.push(...(events.length ? events.map(formatEvent) : ["  nothing new"]));
  }
  if (w.byJurisdiction.length) out.push("", "== By jurisdiction ==");
  for (const { jurisdiction, events } of w.byJurisdiction) {
    out.push("", `-- ${jurisdiction} (${events.length}) --`, ...events.map(formatEvent));
  }
  return out.join("\n");
}
