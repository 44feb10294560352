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
] as const;
export const Label = z.enum(LABELS);
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
};

const ID_PATTERN = /^[a-z]+:[a-z0-9]+(?:[-.#][a-z0-9]+)*$/;
export const EntityId = z
  .string()
  .regex(ID_PATTERN, "an id is '<prefix>:<slug>' in lower case, e.g. 'company:openai' or 'law:eu-gdpr'")
  .max(120)
  .meta({ description: "Stable, readable id: `<prefix>:<kebab-slug>`", examples: ["company:openai", "law:eu-gdpr"] });

/** ISO dates, with month or year precision when the source gives no day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: "a date is YYYY-MM-DD, YYYY-MM or YYYY", abort: true })
  .refine((s) => s.length < 10 || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: "not a calendar date" })
  .meta({ description: "ISO date; month or year precision allowed", examples: ["2026-02-04", "2026-02"] });

const ShortText = (max: number) => z.string().trim().min(1).max(max);

const EntityBase = z.object({
  id: EntityId,
  nameEn: ShortText(300).optional(),
  nameZh: ShortText(300).optional(),
  aliases: z.array(ShortText(200)).max(50).default([]),
  description: ShortText(600).optional(),
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

export const Company = EntityBase.extend({ label: z.literal("Company") });
export const Organization = EntityBase.extend({ label: z.literal("Organization") });
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
  ])
  .superRefine((e, ctx) => {
    if (!e.nameEn && !e.nameZh && e.label !== "Source") {
      ctx.addIssue({ code: "custom", path: ["nameEn"], message: "an entity needs nameEn or nameZh (or both)" });
    }
    const prefix = ID_PREFIX[e.label];
    if (!e.id.startsWith(`${prefix}:`)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `a ${e.label} id starts with '${prefix}:'` });
    }
  });
export type Entity = z.infer<typeof Entity>;
