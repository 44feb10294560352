/**
 * Stage 1, the client profile: checks the input (zod), then the subject and the jurisdictions against the graph
 * before anything else is read (unknown company: 404; unknown market or home: 400 naming the codes the graph holds).
 */
import { z } from "zod";

import { BadRequestError, NotFoundError } from "../../errors.js";
import { formatZodPath } from "../../seed/read.js";
import type { NameLike } from "../i18n.js";
import { BriefingInput } from "../model.js";
import { briefingQueries as q, type RelProps } from "../queries.js";
import { byString, uniq, type Ctx, type Market, type Profile } from "./context.js";

/** Parses the input; every problem is named (path and reason) in one BadRequestError. */
export function parseBriefingInput(raw: unknown): BriefingInput {
  const parsed = BriefingInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new BadRequestError(describeInputIssues(parsed.error));
}

/** Input paths by the names a caller knows them by (the API's query parameters, the CLI's options). */
const INPUT_NAMES: Record<string, string> = {
  "subject.id": "company",
  "subject.name": "profileName",
  "subject.home": "home",
  "subject.activities": "activities",
  "subject.kind": "subject",
  "facts.established": "established",
  "facts.turnover": "turnover",
  "facts.turnoverCurrency": "turnoverCurrency",
};

export function describeInputIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const raw = formatZodPath(i.path);
      const p = INPUT_NAMES[raw.replace(/\[\d+\]$/, "")] ?? raw;
      return `${p ? `${p}: ` : ""}${i.message}`;
    })
    .join("; ");
}

export async function resolveProfile(ctx: Ctx): Promise<Profile> {
  const { db, input, nm } = ctx;
  const subject = input.subject;
  let subjectId: string | undefined;
  let subjectName: string;
  let homeCode: string | undefined;
  let homeRels: RelProps[] = [];
  if (subject.kind === "company") {
    const row = await q.subject(db, subject.id);
    if (!row)
      throw new NotFoundError(
        `No company has the id '${subject.id}'. Find its id with /api/search?q=<name>, or brief a profile instead.`,
      );
    if (!row.labels.includes("Company")) {
      throw new BadRequestError(
        `'${subject.id}' is a ${row.labels[0] ?? "entity"}, not a company; a briefing is for a company id or a profile.`,
      );
    }
    subjectId = subject.id;
    subjectName = nm(row.props as unknown as NameLike);
    const home = row.homes[0];
    if (home) {
      homeCode = home.code;
      homeRels = [...home.rels].sort((a, b) => byString(a.id, b.id));
    }
  } else {
    subjectName = subject.name;
    homeCode = subject.home;
  }
  const codes = uniq(input.markets);
  const jurRows = await q.jurisdictions(db, uniq([...codes, ...(homeCode ? [homeCode] : [])]));
  const jurByCode = new Map(jurRows.map((j) => [j.code, j]));
  const unknown = codes.filter((c) => !jurByCode.has(c));
  if (unknown.length > 0) {
    const known = await q.jurisdictionCodes(db);
    throw new BadRequestError(
      `Unknown market${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. The graph holds these jurisdiction codes: ${known.join(", ")}.`,
    );
  }
  if (subject.kind === "profile" && !jurByCode.has(subject.home)) {
    const known = await q.jurisdictionCodes(db);
    throw new BadRequestError(
      `Unknown home jurisdiction: ${subject.home}. The graph holds these jurisdiction codes: ${known.join(", ")}.`,
    );
  }
  const homeRow = homeCode ? jurByCode.get(homeCode) : undefined;
  const markets: Market[] = codes.map((code) => {
    const row = jurByCode.get(code)!;
    const up = [row.id, ...row.ancestors.map((a) => a.id)];
    return { row, ref: ctx.jurRef(row), scope: uniq([...up, ...row.parts.map((p) => p.id)]), lawScope: uniq(up) };
  });
  const jurNames = new Map<string, ReturnType<Ctx["jurRef"]>>();
  for (const j of jurRows) for (const x of [j, ...j.ancestors, ...j.parts]) jurNames.set(x.id, ctx.jurRef(x));
  const sameName = subject.kind === "profile" ? await q.companiesByName(db, subject.name) : [];
  return {
    subjectId,
    subjectName,
    home: homeRow ? ctx.jurRef(homeRow) : null,
    homeRow,
    homeRels,
    homeScope: homeRow ? [homeRow.id, ...homeRow.ancestors.map((a) => a.id)] : [],
    markets,
    jurNames,
    sameName,
  };
}
