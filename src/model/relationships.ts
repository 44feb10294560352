/**
 * Relationships of the compliance graph: the explicit list of types, the node labels each may join, and the
 * provenance every relationship carries (reported with a verbatim quote, or curated with an official reference).
 */
import { z } from "zod";

import { EntityId, IsoDate, Reference, Verified, type Label } from "./entities.js";

export { Reference } from "./entities.js";

export const MAX_QUOTE_CHARS = 300;

const PARTIES: Label[] = ["Company", "Organization", "Person", "Regulator"];

/** For every relationship type, the labels allowed at each end. Enforced when loading. */
export const ENDPOINTS = {
  // A Person investigates, fines or rules only as an office-holder (a judge, an attorney general, a commissioner): the
  // extractor requires the title (relations.ts), curated data names the office where it can.
  INVESTIGATES: {
    from: ["Regulator", "Court", "Person"],
    to: ["Company", "Organization", "Person", "Model", "Regulator"],
  },
  SUES: { from: [...PARTIES, "Jurisdiction"], to: PARTIES },
  ACCUSES: { from: [...PARTIES, "Jurisdiction"], to: [...PARTIES, "Jurisdiction"] },
  FINES: { from: ["Regulator", "Court", "Person"], to: ["Company", "Organization", "Person"] },
  CITES: { from: ["Case", "Law"], to: ["Law", "Provision"] },
  ISSUES: { from: ["Regulator", "Court", "Organization", "Company", "Person"], to: ["Law"] },
  DEVELOPS: { from: ["Company", "Organization"], to: ["Model"] },
  RULES_ON: { from: ["Court", "Regulator", "Person"], to: ["Case"] },
  HEARS: { from: ["Court"], to: ["Case"] },
  PARTY_TO: { from: [...PARTIES, "Model", "Jurisdiction"], to: ["Case"] },
  SIGNS: { from: ["Company", "Organization", "Jurisdiction", "Person", "Regulator"], to: ["Law"] },
  IMPLEMENTS: { from: ["Law"], to: ["Law"] },
  AMENDS: { from: ["Law"], to: ["Law", "Provision"] },
  ADDRESSES: { from: ["Law", "Case"], to: ["Topic"] },
  APPLIES_IN: { from: ["Law"], to: ["Jurisdiction"] },
  BASED_IN: { from: ["Company", "Organization", "Regulator", "Court", "Person"], to: ["Jurisdiction"] },
  ENFORCES: { from: ["Regulator", "Court"], to: ["Law"] },
  INVOLVES: { from: ["Case"], to: ["Model", "Law"] },
  PART_OF: {
    from: ["Jurisdiction", "Regulator", "Company", "Organization"],
    to: ["Jurisdiction", "Regulator", "Company", "Organization"],
  },
  REPORTED_IN: { from: ["Case", "Law", "Model"], to: ["Source"] },
  // The legal layer. HAS_PROVISION, IMPOSES, BINDS, DEFINED_BY, SETS and PENALISED_BY are drawn by the loader from
  // the fields of Provision, Obligation, Role and Penalty (see legal.ts); the two below are written as relationships.
  HAS_PROVISION: { from: ["Law"], to: ["Provision"] },
  IMPOSES: { from: ["Provision"], to: ["Obligation"] },
  BINDS: { from: ["Obligation"], to: ["Role"] },
  DEFINED_BY: { from: ["Role"], to: ["Provision"] },
  SETS: { from: ["Provision"], to: ["Penalty"] },
  PENALISED_BY: { from: ["Obligation"], to: ["Penalty"] },
  CORRESPONDS_TO: { from: ["Provision"], to: ["Provision"] },
  REFERS_TO: { from: ["Provision"], to: ["Provision", "Law"] },
} as const satisfies Record<string, { from: readonly Label[]; to: readonly Label[] }>;

export const REL_TYPES = Object.keys(ENDPOINTS) as (keyof typeof ENDPOINTS)[];
export const RelType = z.enum(REL_TYPES as [keyof typeof ENDPOINTS, ...(keyof typeof ENDPOINTS)[]]);
export type RelType = z.infer<typeof RelType>;

/** Party-to-party types: each names the Case it belongs to. */
export const CASE_BOUND_TYPES: readonly RelType[] = ["INVESTIGATES", "SUES", "ACCUSES", "FINES"];

export const PARTY_ROLES = [
  "plaintiff",
  "defendant",
  "complainant",
  "respondent",
  "accuser",
  "accused",
  "investigator",
  "investigated",
  "authority",
  "signatory",
  "third_party",
] as const;

export const BASES = ["reported", "curated"] as const;

/** Relationship types the loader derives from the legal layer's node fields; a seed file does not write them. */
export const DERIVED_LEGAL_TYPES: readonly RelType[] = [
  "HAS_PROVISION",
  "IMPOSES",
  "BINDS",
  "DEFINED_BY",
  "SETS",
  "PENALISED_BY",
];
/** Every relationship type of the legal layer: structure, not events; its dates are the obligations' appliesFrom. */
export const LEGAL_REL_TYPES: readonly RelType[] = [...DERIVED_LEGAL_TYPES, "CORRESPONDS_TO", "REFERS_TO"];

export const Relationship = z
  .object({
    type: RelType,
    from: EntityId,
    to: EntityId,
    basis: z.enum(BASES),
    sources: z.array(EntityId).max(20).default([]),
    quote: z.string().trim().min(4).max(MAX_QUOTE_CHARS).optional(),
    reference: Reference.optional(),
    date: IsoDate.optional(),
    case: EntityId.optional(),
    role: z.enum(PARTY_ROLES).optional(),
    article: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().min(1).max(600).optional(),
    verified: Verified.optional(),
    theme: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .meta({ description: "CORRESPONDS_TO: the duty both provisions concern" }),
    themeZh: z.string().trim().min(1).max(120).optional(),
    differenceEn: z
      .string()
      .trim()
      .min(1)
      .max(600)
      .optional()
      .meta({ description: "CORRESPONDS_TO: how the two differ (dates, who is bound, what is required)" }),
    differenceZh: z.string().trim().min(1).max(600).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.basis === "reported") {
      if (r.sources.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["sources"],
          message: "a reported relationship names at least one source",
        });
      if (!r.quote)
        ctx.addIssue({
          code: "custom",
          path: ["quote"],
          message: "a reported relationship carries a verbatim quote from its source",
        });
    } else {
      if (!r.reference)
        ctx.addIssue({
          code: "custom",
          path: ["reference"],
          message: "a curated relationship cites an official reference (title and url)",
        });
      if (r.quote)
        ctx.addIssue({
          code: "custom",
          path: ["quote"],
          message: "a curated relationship has no seed quote; put the provision in reference",
        });
      if (!r.verified)
        ctx.addIssue({
          code: "custom",
          path: ["verified"],
          message: "a curated relationship says how it was checked: 'text' (against the official text) or 'reference'",
        });
    }
    if (r.type === "CORRESPONDS_TO") {
      for (const field of ["theme", "themeZh", "differenceEn", "differenceZh"] as const) {
        if (!r[field])
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `a CORRESPONDS_TO relationship says what both concern and how they differ: ${field} is missing`,
          });
      }
      if (r.basis !== "curated")
        ctx.addIssue({
          code: "custom",
          path: ["basis"],
          message: "a CORRESPONDS_TO relationship is editorial: basis 'curated'",
        });
    }
    if (LEGAL_REL_TYPES.includes(r.type) && r.date) {
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `a ${r.type} relationship is not an event: the legal layer's dates are the obligations' appliesFrom`,
      });
    }
    if (DERIVED_LEGAL_TYPES.includes(r.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `${r.type} is drawn from the legal layer's fields (law, provision, binds, penalties, definedBy), not written as a relationship`,
      });
    }
    if (CASE_BOUND_TYPES.includes(r.type) && !r.case) {
      ctx.addIssue({
        code: "custom",
        path: ["case"],
        message: `a ${r.type} relationship names the Case it belongs to`,
      });
    }
    if (r.type === "PARTY_TO" && !r.role)
      ctx.addIssue({ code: "custom", path: ["role"], message: "a PARTY_TO relationship has a role" });
    if (r.from === r.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "a relationship joins two different entities" });
  });
export type Relationship = z.infer<typeof Relationship>;
