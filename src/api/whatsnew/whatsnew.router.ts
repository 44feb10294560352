/**
 * GET /api/whatsnew: what the graph gained since a date (cases, investigations, lawsuits, accusations, fines, laws
 * and guidance issued), grouped by the watched entities and by jurisdiction, each event with its quote and source.
 * Without a date, the window is the last 30 days *of the data* (up to its newest source), so that the page never
 * opens empty only because the graph was last updated a while ago. The same result as `npm run whatsnew -- --json`:
 * the logic lives in src/ingest/whatsnew.ts.
 *
 * GET /api/whatsnew.atom: the same events as an Atom feed, so that a lawyer subscribes to a watch list in Outlook or
 * any feed reader; each entry links to the relationship's evidence in the explorer. Written with `feed` (a maintained
 * RSS/Atom/JSON Feed generator) rather than hand-built XML, so escaping and the Atom rules are the library's.
 */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { Feed } from "feed";
import { z } from "zod";

import {
  daysBefore,
  MAX_WHATSNEW_ROWS,
  newestSourceDate,
  whatsNew,
  type WhatsNew,
  type WhatsNewEvent,
} from "../../ingest/whatsnew.js";
import type { Deps } from "../deps.js";
import { csvList, defineRoute } from "../route.js";
import { EntityId, IsoDate, Limit } from "../schemas.js";
import { NoJsonBody, WhatsNewResponse } from "../../model/wire.js";

/** Without `since`, the window is this many days back from the newest source. */
export const DEFAULT_WINDOW_DAYS = 30;
/** A feed carries at most this many entries (feed readers keep their own history). */
export const MAX_FEED_ENTRIES = 200;

const Lang = z.enum(["en", "zh"]).default("en");

export const WhatsNewRequest = {
  query: z
    .object({
      since: IsoDate.optional().meta({
        description: "ISO date; default: 30 days before the newest source (the data's own last month)",
      }),
      watch: csvList(EntityId).default([]),
      onlyWatched: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
      limit: Limit(MAX_WHATSNEW_ROWS, MAX_WHATSNEW_ROWS),
    })
    .strict(),
};

export const WhatsNewFeedRequest = {
  query: z
    .object({
      watch: csvList(EntityId).default([]),
      since: IsoDate.optional().meta({ description: "ISO date; default: 30 days before the newest source" }),
      lang: Lang.meta({ description: "Language of entity names and titles in the feed" }),
    })
    .strict(),
};

const KIND = {
  INVESTIGATES: { en: "investigates", zh: "调查" },
  SUES: { en: "sues", zh: "起诉" },
  ACCUSES: { en: "accuses", zh: "指控" },
  FINES: { en: "fines", zh: "罚款" },
  ISSUES: { en: "issues", zh: "发布" },
} as const;

type FeedLang = z.infer<typeof Lang>;

function nameOf(lang: FeedLang, en: string | null, zh: string | null, fallback: string): string {
  return (lang === "zh" ? (zh ?? en) : (en ?? zh)) ?? fallback;
}

/** The explorer's link to a relationship's evidence (the dossier of the edge), in the feed's language. */
export function evidenceLink(origin: string, e: WhatsNewEvent, lang: FeedLang): string {
  const q = new URLSearchParams({ edge: e.relationshipId, edgeType: e.type, lang });
  return `${origin}/#/explore?${q.toString()}`;
}

function entryTitle(e: WhatsNewEvent, lang: FeedLang): string {
  const kind = KIND[e.type as keyof typeof KIND]?.[lang] ?? e.type.toLowerCase();
  const from = nameOf(lang, e.fromNameEn, e.fromNameZh, e.fromName);
  const to = nameOf(lang, e.toNameEn, e.toNameZh, e.toName);
  return lang === "zh" ? `${from}${kind}${to}` : `${from} ${kind} ${to}`;
}

/** The Atom document for a what's-new answer. */
export function atomFeed(w: WhatsNew, origin: string, selfUrl: string, lang: FeedLang): string {
  const events = [
    ...new Map(
      [...w.byWatched.flatMap((g) => g.events), ...w.byJurisdiction.flatMap((g) => g.events)].map((e) => [
        e.relationshipId,
        e,
      ]),
    ).values(),
  ]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, MAX_FEED_ENTRIES);
  const watched = w.watch.length ? w.watch.join(", ") : lang === "zh" ? "全部" : "everything";
  const feed = new Feed({
    title: lang === "zh" ? `合规风险图谱：最新动态（${watched}）` : `Compliance graph: what's new (${watched})`,
    description:
      lang === "zh"
        ? `自 ${w.since} 以来报道的案件及发布的法律或指引`
        : `Reported cases and laws or guidance issued since ${w.since}`,
    id: selfUrl,
    link: `${origin}/#/whatsnew?${new URLSearchParams({ since: w.since, ...(w.watch.length ? { watch: w.watch.join(",") } : {}) }).toString()}`,
    language: lang === "zh" ? "zh-CN" : "en",
    updated: new Date(`${(w.dataCurrentTo ?? w.since).slice(0, 10).padEnd(10, "-01").slice(0, 10)}T00:00:00Z`),
    feedLinks: { atom: selfUrl },
    copyright: "",
    generator: "compliance-graph",
  });
  for (const e of events) {
    const link = evidenceLink(origin, e, lang);
    const source = [e.sourceTitle, e.sourcePublisher, e.sourceDate].filter(Boolean).join(", ");
    feed.addItem({
      title: `${e.date} · ${entryTitle(e, lang)}`,
      id: `${origin}/api/relationships/${encodeURIComponent(e.relationshipId)}`,
      link,
      date: new Date(`${e.date.slice(0, 10).padEnd(10, "-01").slice(0, 10)}T00:00:00Z`),
      description: e.quote ?? undefined,
      content: [
        e.quote ? `<blockquote>${escapeHtml(e.quote)}</blockquote>` : "",
        source ? `<p>${escapeHtml(source)}</p>` : "",
        `<p><a href="${escapeHtml(link)}">${lang === "zh" ? "查看证据" : "Evidence in the explorer"}</a></p>`,
      ].join(""),
    });
  }
  return feed.atom1();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

export function whatsnewRouter({ db }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  /** The asked date, or the last 30 days of the data. */
  const sinceOf = async (since: string | undefined) =>
    since ?? daysBefore((await newestSourceDate(db)) ?? new Date().toISOString().slice(0, 10), DEFAULT_WINDOW_DAYS);
  defineRoute(router, registry, {
    method: "get",
    path: "/whatsnew",
    response: WhatsNewResponse,
    tag: "whatsnew",
    summary: "What the graph gained since a date, grouped by watched entity and by jurisdiction",
    description:
      "Reported cases and laws or guidance issued on or after `since` (default: the 30 days up to the newest source); `watch` lists entity ids (company:bytedance,regulator:gb-ico) to group by. " +
      "`onlyWatched=true` restricts the jurisdiction view to the watched entities' events. `dataCurrentTo` is the newest source's date.",
    request: WhatsNewRequest,
    handler: async ({ query }) => whatsNew(db, await sinceOf(query.since), query.watch, query.limit, query.onlyWatched),
  });
  defineRoute(router, registry, {
    method: "get",
    path: "/whatsnew.atom",
    response: NoJsonBody,
    tag: "whatsnew",
    summary: "What's new for a watch list as an Atom feed (subscribe in Outlook or a feed reader)",
    description:
      "The events of GET /api/whatsnew, newest first; each entry links to the relationship's evidence in the explorer.",
    request: WhatsNewFeedRequest,
    produces: ["application/atom+xml"],
    handler: async ({ query }, { req, res }) => {
      const w = await whatsNew(db, await sinceOf(query.since), query.watch, MAX_WHATSNEW_ROWS, query.watch.length > 0);
      const origin = `${req.protocol}://${req.get("host")}`;
      res
        .type("application/atom+xml; charset=utf-8")
        .send(atomFeed(w, origin, `${origin}${req.originalUrl}`, query.lang));
      return undefined;
    },
  });
  return router;
}
