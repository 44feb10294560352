/**
 * The editorial map the briefing lays over the legal layer (legal-map.json): activities and profile facts to roles,
 * profile facts that take an obligation out of scope, first steps, and the exposure formula. Law stays data with a
 * source: every mapping names its reference, and no date, ceiling or article number lives in code. Validated here
 * on first use; a test checks that every id it names exists in the seed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import { EntityId, Reference } from "../model/index.js";
import { formatZodPath } from "../seed/read.js";
import { Activity } from "./model.js";

export const LEGAL_MAP_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "legal-map.json");

const Text = z.string().trim().min(1).max(600);

/** Facts of the profile a rule can test; `established` is read per market. */
export const FactTest = z
  .object({
    established: z.boolean().optional(),
    sme: z.boolean().optional(),
    systemicCompute: z.boolean().optional(),
    openSource: z.boolean().optional(),
    activityAbsent: Activity.optional(),
    always: z.literal(true).optional(),
  })
  .strict()
  .refine((t) => Object.keys(t).length > 0, "a test names at least one fact");
export type FactTest = z.infer<typeof FactTest>;

export const RoleRule = z
  .object({
    role: EntityId,
    activities: z.array(Activity).min(1),
    facts: FactTest.optional(),
    reasonEn: Text,
    reasonZh: Text,
    reference: Reference,
  })
  .strict();

export const ConditionRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    obligations: z.array(EntityId).min(1),
    notApplyWhen: FactTest.optional(),
    conditionalWhen: FactTest.optional(),
    reasonEn: Text,
    reasonZh: Text,
    reference: Reference,
  })
  .strict()
  .refine((c) => !!c.notApplyWhen !== !!c.conditionalWhen, "a condition has either notApplyWhen or conditionalWhen");

export const StepRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    obligations: z.array(EntityId).min(1),
    homeObligations: z.array(EntityId).optional(),
    textEn: Text,
    textZh: Text,
    homeTextEn: Text.optional(),
    homeTextZh: Text.optional(),
  })
  .strict();

const Term = z.object({ weight: z.number().positive(), cap: z.number().int().positive().optional() }).strict();
export const EXPOSURE_TERMS = [
  "obligationsInForce",
  "obligationsUpcoming",
  "penaltyTier",
  "enforcementOnProvisions",
  "enforcementOnPeers",
  "enforcementOnSubject",
] as const;
export type ExposureKey = (typeof EXPOSURE_TERMS)[number];

export const LegalMap = z
  .object({
    $comment: z.string().optional(),
    reportedChangeMarker: z.string().min(5),
    horizonMonths: z.number().int().min(1).max(120),
    roles: z.array(RoleRule).min(1),
    conditions: z.array(ConditionRule),
    smePenalties: z.object({ reference: Reference, penalties: z.array(EntityId) }).strict(),
    steps: z.array(StepRule),
    exposure: z
      .object({
        terms: z
          .object(Object.fromEntries(EXPOSURE_TERMS.map((k) => [k, Term])) as Record<ExposureKey, typeof Term>)
          .strict(),
        penaltyTiers: z
          .object({
            turnoverPercentAtLeast: z.number().positive(),
            highTier: z.number(),
            turnoverTier: z.number(),
            amountTier: z.number(),
          })
          .strict(),
        thresholds: z.object({ medium: z.number().positive(), high: z.number().positive() }).strict(),
        windowMonths: z.number().int().positive(),
        peerModelKinds: z.record(Activity, z.array(z.string())),
        excludedPeerTopics: z.array(EntityId).default([]),
      })
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.exposure.thresholds.high <= m.exposure.thresholds.medium)
      ctx.addIssue({ code: "custom", path: ["exposure", "thresholds"], message: "high must exceed medium" });
    const ids = m.steps.map((s) => s.id);
    ids.forEach(
      (id, i) =>
        ids.indexOf(id) !== i &&
        ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `duplicate step id ${id}` }),
    );
  });
export type LegalMap = z.infer<typeof LegalMap>;

/** Thrown when the map does not validate; the message names each path. */
export class LegalMapError extends Error {
  override name = "LegalMapError";
}

export function parseLegalMap(raw: unknown): LegalMap {
  const parsed = LegalMap.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new LegalMapError(
    `src/briefing/legal-map.json: ${parsed.error.issues.map((i) => `${formatZodPath(i.path)}: ${i.message}`).join("; ")}`,
  );
}

let cached: LegalMap | undefined;
/** The map, read and validated once per process. */
export function legalMap(): LegalMap {
  cached ??= parseLegalMap(JSON.parse(readFileSync(LEGAL_MAP_FILE, "utf8")));
  return cached;
}

/** Every legal-layer id the map names (for the test that checks them against the seed). */
export function legalMapIds(m: LegalMap): string[] {
  return [
    ...m.roles.map((r) => r.role),
    ...m.conditions.flatMap((c) => c.obligations),
    ...m.smePenalties.penalties,
    ...m.exposure.excludedPeerTopics,
    ...m.steps.flatMap((s) => [...s.obligations, ...(s.homeObligations ?? [])]),
  ];
}
