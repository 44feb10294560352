/**
 * Entities of the compliance graph: one zod schema per node label, discriminated by `label`.
 * The schemas are the single source of truth for the TypeScript types, seed-file validation, the JSON Schema for
 * editors and the OpenAPI document.
 */
import { z } from "zod";

export const LABELS = [
  "Company",
  "Organization",
  "Regulator",
  "Court",
  "Law",
  "Model",
  "Case",
  "Person",
  "Jurisdiction",
  "Topic",
  "Source",
  "Provision",
  "Obligation",
  "Role",
  "Penalty",
] as const;
export const Label = z.enum(LABELS);

/** The two languages of the product: every name, sentence and note comes in both. */
export const LANGS = ["en", "zh"] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;
export type Label = z.infer<typeof Label>;

/** The id prefix each label's ids start with: `company:openai`, `law:eu-gdpr`. */
export const ID_PREFIX: Record<Label, string> = {
  Company: "company",
  Organization: "org",
  Regulator: "regulator",
  Court: "court",
  Law: "law",
  Model: "model",
  Case: "case",
  Person: "person",
  Jurisdiction: "jur",
  Topic: "topic",
  Source: "source",
  Provision: "prov",
  Obligation: "obl",
  Role: "role",
  Penalty: "pen",
};

/** The labels of the legal layer: what a regime says, article by article (see legal.ts). */
export const LEGAL_LABELS = ["Provision", "Obligation", "Role", "Penalty"] as const satisfies readonly Label[];

// A legal-layer id may have one more colon-separated part: the regime, then the article (`prov:eu-ai-act:art-50-2`).
const ID_PATTERN = /^[a-z]+:[a-z0-9]+(?:[-.#][a-z0-9]+)*(?::[a-z0-9]+(?:[-.#][a-z0-9]+)*)?$/;
export const EntityId = z
  .string()
  .regex(ID_PATTERN, "an id is '<prefix>:<slug>' in lower case, e.g. 'company:openai' or 'law:eu-gdpr'")
  .max(120)
  .meta({
    description: "Stable, readable id: `<prefix>:<kebab-slug>`",
    examples: ["company:openai", "law:eu-gdpr", "prov:eu-ai-act:art-50-2"],
  });

/** ISO dates, with month or year precision when the source gives no day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    message: "a date is YYYY-MM-DD, YYYY-MM or YYYY",
    abort: true,
  })
  .refine((s) => s.length < 10 || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "not a calendar date",
  })
  .meta({ description: "ISO date; month or year precision allowed", examples: ["2026-02-04", "2026-02"] });

export const ShortText = (max: number) => z.string().trim().min(1).max(max);

/** An official text: its title, its address, and where in it (article, paragraph). */
export const Reference = z.object({
  title: z.string().trim().min(1).max(500),
  url: z.url(),
  provision: z.string().trim().min(1).max(200).optional(),
});
export type Reference = z.infer<typeof Reference>;

/**
 * How a curated fact was checked: `text` against a stored copy of the official text itself, `reference` against an
 * official reference or a secondary source only (its title, date and article named, the wording not read).
 */
export const VERIFIED_MARKS = ["text", "reference"] as const;
export const Verified = z
  .enum(VERIFIED_MARKS)
  .meta({ description: "text: checked against the official text; reference: against an official reference only" });

const EntityBase = z.object({
  id: EntityId,
  nameEn: ShortText(300).optional(),
  nameZh: ShortText(300).optional(),
  /** The label a lawyer knows it by ("GDPR", "AI Act", "CAC"): the explorer draws it on the canvas, full name on hover. */
  shortName: ShortText(60)
    .optional()
    .meta({ description: "Standard short name in English (GDPR, AI Act, CAC), for canvas labels" }),
  shortNameZh: ShortText(30)
    .optional()
    .meta({ description: "Standard short name in Chinese (标识办法, 网信办), for canvas labels" }),
  aliases: z.array(ShortText(200)).max(50).default([]),
  description: ShortText(600).optional(),
});

/** Every node of the legal layer is curated: named in both languages, with its official reference and check mark. */
const LegalBase = EntityBase.extend({
  nameEn: ShortText(300),
  nameZh: ShortText(300),
  reference: Reference,
  verified: Verified,
});

export const LAW_KINDS = [
  "statute",
  "regulation",
  "measures",
  "guideline",
  "standard",
  "code_of_practice",
  "declaration",
  "plan",
  "opinion",
  "report",
  "executive_order",
  "judicial_interpretation",
] as const;
export const LAW_BINDING = ["binding", "soft", "none"] as const;
export const LAW_STATUSES = ["proposed", "draft", "adopted", "in_force", "repealed", "unknown"] as const;
export const MODEL_KINDS = ["llm", "multimodal", "image", "video", "audio", "agent", "product", "other"] as const;
export const CASE_KINDS = [
  "investigation",
  "lawsuit",
  "ruling",
  "enforcement",
  "accusation",
  "administrative_penalty",
  "criminal",
] as const;
export const CASE_STATUSES = ["open", "pending", "decided", "closed", "settled", "unknown"] as const;
export const TOPIC_CATEGORIES = ["obligation", "risk"] as const;

export const ORGANIZATION_KINDS = ["legislature", "international", "association", "academic", "other"] as const;
export const Company = EntityBase.extend({ label: z.literal("Company") });
export const Organization = EntityBase.extend({
  label: z.literal("Organization"),
  orgKind: z
    .enum(ORGANIZATION_KINDS)
    .optional()
    .meta({ description: "legislature: a law-making body (the European Parliament, the Council), not a regulator" }),
});
export const Regulator = EntityBase.extend({ label: z.literal("Regulator") });
export const Court = EntityBase.extend({ label: z.literal("Court") });
export const Person = EntityBase.extend({ label: z.literal("Person") });
export const Law = EntityBase.extend({
  label: z.literal("Law"),
  kind: z.enum(LAW_KINDS),
  status: z.enum(LAW_STATUSES).default("unknown"),
  issuedDate: IsoDate.optional(),
  effectiveDate: IsoDate.optional(),
  identifier: ShortText(200).optional(),
  url: z.url().optional(),
  binding: z.enum(LAW_BINDING).optional().meta({
    description:
      "binding: hard law; soft: guidelines, codes of practice, standards recommended only; none: reports, studies, visions, declarations",
  }),
});
export const Model = EntityBase.extend({
  label: z.literal("Model"),
  modelKind: z.enum(MODEL_KINDS).default("other"),
  releaseDate: IsoDate.optional(),
});
export const Case = EntityBase.extend({
  label: z.literal("Case"),
  caseKind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES).default("unknown"),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  outcome: ShortText(600).optional(),
});
export const Jurisdiction = EntityBase.extend({
  label: z.literal("Jurisdiction"),
  code: z.string().regex(/^([A-Z]{2}|EU)(-[A-Z0-9]{1,3})?$/, "a jurisdiction code is ISO 3166 (CN, CN-JS) or EU"),
});
export const Topic = EntityBase.extend({
  label: z.literal("Topic"),
  category: z.enum(TOPIC_CATEGORIES).default("obligation"),
});
export const Source = EntityBase.extend({
  label: z.literal("Source"),
  title: ShortText(500),
  publisher: ShortText(300).optional(),
  date: IsoDate.optional(),
  url: z.url().optional(),
  document: z
    .string()
    .regex(/^[\w.-]+\.(txt|md|html|pdf|docx)$/, "a document is a file name in the seed documents folder")
    .meta({ description: "File in the seed documents folder whose text holds the quotes" }),
  via: ShortText(300).optional(),
});

export const Provision = LegalBase.extend({
  label: z.literal("Provision"),
  law: EntityId.meta({ description: "The Law this provision belongs to (the loader draws HAS_PROVISION from it)" }),
  number: ShortText(60).meta({ description: "As the law writes it", examples: ["Art. 50(2)", "第十条"] }),
  excerpt: ShortText(300)
    .optional()
    .meta({ description: "Verbatim official text, only when copied from a stored official text" }),
  url: z.url().meta({ description: "Official, article-level where one exists" }),
});
export const Obligation = LegalBase.extend({
  label: z.literal("Obligation"),
  provision: EntityId.meta({ description: "The Provision that imposes it (IMPOSES)" }),
  binds: z
    .array(EntityId)
    .min(1, "an obligation binds at least one Role")
    .max(20)
    .meta({ description: "Role ids (BINDS)" }),
  penalties: z.array(EntityId).max(10).default([]).meta({ description: "Penalty ids (PENALISED_BY)" }),
  textEn: ShortText(300).meta({ description: "What it requires, in our own words" }),
  textZh: ShortText(300),
  appliesFrom: IsoDate.meta({ description: "When the duty starts to apply" }),
  appliesUntil: IsoDate.optional(),
  condition: ShortText(300).optional().meta({ description: "When it applies, e.g. 'established outside the EU'" }),
  conditionZh: ShortText(300).optional(),
});
export const Role = LegalBase.extend({
  label: z.literal("Role"),
  definedBy: EntityId.meta({ description: "The Provision that defines the role (DEFINED_BY)" }),
});
export const PENALTY_RULES = ["higher", "lower"] as const;
export const CURRENCIES = ["EUR", "CNY", "KRW", "GBP", "USD"] as const;
export const Penalty = LegalBase.extend({
  label: z.literal("Penalty"),
  provision: EntityId.meta({ description: "The Provision that sets the ceiling (SETS)" }),
  maxAmount: z.number().positive().optional(),
  currency: z.enum(CURRENCIES).optional(),
  maxTurnoverPercent: z.number().positive().max(100).optional(),
  rule: z
    .enum(PENALTY_RULES)
    .optional()
    .meta({ description: "Which of amount and percentage caps the fine, when both are given" }),
  note: ShortText(300).optional(),
  noteZh: ShortText(300).optional(),
});

export const Entity = z
  .discriminatedUnion("label", [
    Company,
    Organization,
    Regulator,
    Court,
    Law,
    Model,
    Case,
    Person,
    Jurisdiction,
    Topic,
    Source,
    Provision,
    Obligation,
    Role,
    Penalty,
  ])
  .superRefine((e, ctx) => {
    if (!e.nameEn && !e.nameZh && e.label !== "Source") {
      ctx.addIssue({ code: "custom", path: ["nameEn"], message: "an entity needs nameEn or nameZh (or both)" });
    }
    const prefix = ID_PREFIX[e.label];
    if (!e.id.startsWith(`${prefix}:`)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `a ${e.label} id starts with '${prefix}:'` });
    }
    if (e.label === "Penalty") {
      if (e.maxAmount === undefined && e.maxTurnoverPercent === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["maxAmount"],
          message: "a penalty ceiling gives maxAmount, maxTurnoverPercent or both",
        });
      }
      if (e.maxAmount !== undefined && !e.currency)
        ctx.addIssue({ code: "custom", path: ["currency"], message: "a maxAmount needs its currency" });
      if (e.maxAmount !== undefined && e.maxTurnoverPercent !== undefined && !e.rule) {
        ctx.addIssue({
          code: "custom",
          path: ["rule"],
          message: "with both an amount and a percentage, rule says which caps the fine ('higher' or 'lower')",
        });
      }
    }
    if (e.label === "Obligation" && e.appliesUntil && e.appliesUntil < e.appliesFrom) {
      ctx.addIssue({ code: "custom", path: ["appliesUntil"], message: "appliesUntil is before appliesFrom" });
    }
  });
export type Entity = z.infer<typeof Entity>;
