/**
 * GET /api/briefings: an outbound-expansion risk briefing for a company of the graph (company=) or a profile
 * (profileName, home, activities), for one or more markets, as JSON (the structured content), Markdown, print HTML
 * or PDF. Validated like every route; an unknown company is a 404, an unknown market or a profile without activities
 * a 400 that names what is wrong. Each request writes an audit line.
 */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";

import {
  ACTIVITIES,
  Activity,
  AsOfDate,
  Format,
  Lang,
  MAX_MARKETS,
  MarketCode,
  RoleId,
  CONTENT_TYPES,
  briefingFileName,
  buildBriefing,
  renderBriefing,
  type BriefingInput,
} from "../../briefing/index.js";
import { audit } from "../audit.js";
import type { Deps } from "../deps.js";
import { defineRoute } from "../route.js";
import { EntityId } from "../schemas.js";
import { BriefingResponse } from "../../model/wire.js";

/** A yes/no query parameter: true or false (a lawyer's form sends these), absent when not stated. */
const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

const split = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

export const BriefingRequest = {
  query: z
    .object({
      company: EntityId.refine(
        (s) => s.startsWith("company:"),
        "a company id starts with 'company:' (e.g. company:minimax)",
      )
        .optional()
        .describe("a company of the graph, e.g. company:minimax"),
      profileName: z.string().trim().min(1).max(200).optional().describe("or a profile: the company's name"),
      home: MarketCode.optional().describe("the profile's home jurisdiction code, e.g. CN"),
      activities: z
        .preprocess(split, z.array(Activity).max(ACTIVITIES.length))
        .optional()
        .describe(`comma-separated: ${ACTIVITIES.join(", ")} (required for a profile, optional for a company)`),
      markets: z
        .preprocess(
          split,
          z
            .array(MarketCode, { error: "choose at least one target market, e.g. markets=EU,KR" })
            .min(1, "choose at least one target market, e.g. markets=EU,KR")
            .max(MAX_MARKETS),
        )
        .describe("comma-separated jurisdiction codes, e.g. EU,KR,US"),
      asOf: AsOfDate.optional().describe("only events up to this date count (YYYY-MM-DD, default today)"),
      lang: Lang.default("en"),
      format: Format.default("json"),
      established: z
        .preprocess(
          (v) => (typeof v === "string" && v.trim().toLowerCase() === "none" ? [] : split(v)),
          z.array(MarketCode).max(MAX_MARKETS),
        )
        .optional()
        .describe("comma-separated markets where the client is established; 'none' for none; absent: not stated"),
      sme: Flag.optional().describe("true if the client is an SME (AI Act Art. 99(6) ceilings)"),
      turnover: z.coerce
        .number()
        .positive()
        .max(1e15)
        .optional()
        .describe("worldwide annual turnover, to turn percentage ceilings into money"),
      turnoverCurrency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, "a currency is an ISO 4217 code such as EUR")
        .optional(),
      systemicCompute: Flag.optional().describe("true if the model's training compute exceeds 10^25 FLOP"),
      openSource: Flag.optional().describe(
        "true if the model is released under a free and open-source licence with public weights",
      ),
      roles: z
        .preprocess(split, z.array(RoleId).max(40))
        .optional()
        .describe("comma-separated role ids (e.g. role:eu-ai-act:deployer) replacing those derived for their regime"),
    })
    .strict()
    .superRefine((q, ctx) => {
      if (q.company && q.profileName) {
        ctx.addIssue({
          code: "custom",
          path: ["company"],
          message: "give either company or a profile (profileName, home, activities), not both",
        });
      } else if (!q.company && !q.profileName) {
        ctx.addIssue({
          code: "custom",
          path: ["company"],
          message: "name the subject: company=<id>, or profileName, home and activities for a company not in the graph",
        });
      }
      if (q.profileName && !q.home)
        ctx.addIssue({
          code: "custom",
          path: ["home"],
          message: "a profile needs its home jurisdiction, e.g. home=CN",
        });
      if (q.profileName && !q.activities?.length) {
        ctx.addIssue({
          code: "custom",
          path: ["activities"],
          message: `a profile needs at least one activity: ${ACTIVITIES.join(", ")}`,
        });
      }
    }),
};
type BriefingQuery = z.infer<typeof BriefingRequest.query>;

function toInput(q: BriefingQuery): BriefingInput {
  const subject = q.company
    ? { kind: "company" as const, id: q.company, activities: q.activities ?? [] }
    : { kind: "profile" as const, name: q.profileName!, home: q.home!, activities: q.activities ?? [] };
  const facts = {
    ...(q.established ? { established: q.established } : {}),
    ...(q.sme !== undefined ? { sme: q.sme } : {}),
    ...(q.turnover !== undefined ? { turnover: q.turnover } : {}),
    ...(q.turnoverCurrency ? { turnoverCurrency: q.turnoverCurrency } : {}),
    ...(q.systemicCompute !== undefined ? { systemicCompute: q.systemicCompute } : {}),
    ...(q.openSource !== undefined ? { openSource: q.openSource } : {}),
  };
  return {
    subject,
    markets: q.markets,
    asOf: q.asOf!,
    lang: q.lang,
    facts,
    ...(q.roles?.length ? { roles: q.roles } : {}),
  };
}

export function briefingsRouter({ db, options, logger }: Deps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(router, registry, {
    method: "get",
    path: "/briefings",
    response: BriefingResponse,
    tag: "briefings",
    summary: "An outbound-expansion risk briefing for a company or a profile and its target markets, every fact cited",
    description:
      "Sections: header (client profile, markets, as-of date, graph checksum, data current to, disclaimer), exposure per market from the obligations that bind the client, their fine ceilings and enforcement on the same provisions (formula in Appendix A; 'not assessed' without activities or article-level law), per market the client's roles, its obligations (status, dates, ceilings, home counterparts, reported changes) and binding, soft and background law, regulators and precedents; the compliance calendar, first steps, the client's own record, a crosswalk, the outbound risk themes, and the evidence appendix. format=json gives the structured content; docx is for Word.",
    request: BriefingRequest,
    produces: [
      "text/markdown",
      "text/html",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    responses: { 404: "No such company" },
    handler: async ({ query }, { req, res }) => {
      const started = Date.now();
      const input = toInput(query);
      const subject = input.subject.kind === "company" ? input.subject.id : `profile:${input.subject.name}`;
      const entry = {
        kind: "briefing",
        subject,
        markets: input.markets,
        asOf: input.asOf,
        lang: input.lang,
        format: query.format,
      };
      try {
        // asOf is left undefined when not given so that the model's default (today) applies.
        const briefing = await buildBriefing(
          db,
          { ...input, asOf: query.asOf },
          { warn: (message) => logger?.warn(message) },
        );
        const body = await renderBriefing(briefing, query.format);
        audit(options, req, {
          ...entry,
          asOf: briefing.input.asOf,
          citations: briefing.appendix.citations.length,
          graphChecksum: briefing.header.graphChecksum,
          durationMs: Date.now() - started,
          outcome: "COMPLETE",
        });
        if (query.format === "json") return briefing;
        const file = briefingFileName(briefing, query.format);
        res.type(CONTENT_TYPES[query.format]);
        res.setHeader(
          "Content-Disposition",
          `${query.format === "pdf" || query.format === "docx" ? "attachment" : "inline"}; filename="${file}"`,
        );
        res.send(body);
        return undefined;
      } catch (err) {
        audit(options, req, { ...entry, durationMs: Date.now() - started, outcome: (err as Error).name });
        throw err;
      }
    },
  });
  return router;
}
