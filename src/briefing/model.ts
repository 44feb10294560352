/**
 * The briefing's data contract: the input (who, where, as of when, in which language) as zod schemas, and the
 * structured content that assembly produces and every renderer (Markdown, HTML, PDF, JSON) reads. Types of the input
 * come from z.infer; the content is plain data, so the JSON format is the content itself.
 */
import { z } from "zod";

import { EntityId, Lang } from "../model/index.js";
import { ACTIVITIES } from "./activities.js";

export { ACTIVITIES } from "./activities.js";

export const Activity = z.enum(ACTIVITIES);
export type Activity = z.infer<typeof Activity>;

export { LANGS, Lang } from "../model/index.js";

export const FORMATS = ["md", "html", "pdf", "json", "docx"] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

export const MAX_MARKETS = 10;

/** A jurisdiction code as the graph stores it (`EU`, `GB`, `CN-JS`); case does not matter on input. */
export const MarketCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2}|EU)(-[A-Z0-9]{1,3})?$/, "a market is a jurisdiction code such as EU, GB, US, KR or CN-JS");

/** A full calendar date: the as-of date needs a day. */
export const AsOfDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "the as-of date is YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "the as-of date is not a calendar date",
  );

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const CompanySubject = z
  .object({
    kind: z.literal("company"),
    id: EntityId.refine((s) => s.startsWith("company:"), "a company id starts with 'company:' (e.g. company:minimax)"),
    /** Optional for a company: the graph adds the topics of its own cases. */
    activities: z.array(Activity).max(ACTIVITIES.length).default([]),
  })
  .strict();

export const ProfileSubject = z
  .object({
    kind: z.literal("profile"),
    name: z.string().trim().min(1, "the profile needs a company name").max(200),
    home: MarketCode,
    activities: z
      .array(Activity)
      .min(1, `a profile needs at least one activity (${ACTIVITIES.join(", ")})`)
      .max(ACTIVITIES.length),
  })
  .strict();

/**
 * Facts that change which duties apply and what a fine could be. Each is optional: an unknown fact leaves the
 * obligations it decides "applies if ...", never silently in or out.
 */
export const ProfileFacts = z
  .object({
    /** Markets where the client is established (has an establishment, address or place of business); [] for none. */
    established: z.array(MarketCode).max(MAX_MARKETS).optional(),
    sme: z.boolean().optional(),
    /** Worldwide annual turnover, to turn percentage ceilings into money. */
    turnover: z.number().positive().max(1e15).optional(),
    turnoverCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "a currency is an ISO 4217 code such as EUR, USD or CNY")
      .optional(),
    /** Cumulative training compute above 10^25 FLOP (AI Act Art. 51(2)). */
    systemicCompute: z.boolean().optional(),
    /** Released under a free and open-source licence with public weights, architecture and usage information. */
    openSource: z.boolean().optional(),
  })
  .strict()
  .refine((f) => (f.turnover === undefined) === (f.turnoverCurrency === undefined), {
    message: "give the turnover with its currency (turnover and turnoverCurrency)",
    path: ["turnover"],
  });
export type ProfileFacts = z.infer<typeof ProfileFacts>;

/** A role id of the legal layer, e.g. role:eu-ai-act:deployer. */
export const RoleId = EntityId.refine(
  (s) => s.startsWith("role:"),
  "a role id starts with 'role:' (e.g. role:eu-ai-act:deployer)",
);

export const Subject = z.discriminatedUnion("kind", [CompanySubject, ProfileSubject]);
export type Subject = z.infer<typeof Subject>;

export const BriefingInput = z
  .object({
    subject: Subject,
    markets: z.array(MarketCode).min(1, "choose at least one target market (e.g. EU,KR)").max(MAX_MARKETS),
    asOf: AsOfDate.default(today),
    lang: Lang.default("en"),
    facts: ProfileFacts.default({}),
    /** Roles the client holds, replacing those derived from its activities for each regime named. */
    roles: z.array(RoleId).max(40).optional(),
  })
  .strict();
export type BriefingInput = z.infer<typeof BriefingInput>;

// ---------------------------------------------------------------------------------------------------------------
// The content. Every `Fact` is one sentence of fact in the chosen language with the citation numbers that support
// it; `notes` are not facts (method, absence of evidence) and carry none.

export interface Fact {
  text: string;
  cites: number[];
}

export interface EntityRef {
  id: string;
  label: string;
  name: string;
}

export interface JurisdictionRef {
  id: string;
  code: string;
  name: string;
}

export interface TopicRef {
  id: string;
  name: string;
  /** Where the topic came from: the activities given, or the subject's own cases in the graph. */
  from?: "activity" | "graph";
}

export interface LawItem {
  id: string;
  name: string;
  kind: string;
  identifier?: string;
  status: string;
  /** in_force, not_yet_in_force (effective after the as-of date), or the stored status otherwise. */
  statusAsOf: string;
  issuedDate?: string;
  effectiveDate?: string;
  /** binding law, soft law (guidelines, codes of practice), or background (reports, studies, plans). */
  binding: "binding" | "soft" | "none";
  jurisdiction: JurisdictionRef;
  /** market: applies in the market itself; ancestor: through what the market is part of (the EU); part: in part of it. */
  scope: "market" | "ancestor" | "part";
  topics: (TopicRef & { provision?: string; matched: boolean })[];
  matched: boolean;
  fact: Fact;
}

export interface ActionItem {
  type: string;
  date?: string;
  target: EntityRef;
  case?: EntityRef;
  fact: Fact;
}

export interface RegulatorItem {
  id: string;
  name: string;
  label: string;
  jurisdiction: JurisdictionRef;
  /** Who it is and where it is based (BASED_IN). */
  fact: Fact;
  actions: ActionItem[];
}

export type Comparability = "subject" | "home" | "topic";

export interface CaseItem {
  id: string;
  name: string;
  caseKind: string;
  category: "enforcement" | "litigation";
  status: string;
  date?: string;
  dateBasis: "start" | "event" | "end" | "reported" | "none";
  outcome?: string;
  targets: EntityRef[];
  topics: TopicRef[];
  laws: (EntityRef & { article?: string })[];
  venues: string[];
  comparable: Comparability[];
  /** The subject's role in the case, when it is a party (own exposure). */
  subjectRoles?: string[];
  /** The subject's models the case involves (own exposure). */
  models?: EntityRef[];
  facts: Fact[];
}

export interface ModelItem {
  id: string;
  name: string;
  modelKind: string;
  releaseDate?: string;
  /** Ids of the cases the model is involved in (detailed among the subject's cases). */
  cases: string[];
  facts: Fact[];
}

export interface MarketSection {
  market: JurisdictionRef;
  roles: RoleItem[];
  obligations: ObligationItem[];
  /** Obligations of the market's regimes that bind none of the client's roles: counted, not listed. */
  obligationsNotBinding: number;
  laws: LawItem[];
  regulators: RegulatorItem[];
  precedents: CaseItem[];
  notes: string[];
}

export interface RiskTerm {
  key: string;
  label: string;
  weight: number;
  value: number;
  cap?: number;
  points: number;
}

export interface SummaryRow {
  market: JurisdictionRef;
  laws: number;
  lawsOnActivities: number;
  regulatorsActive: number;
  enforcement12: number;
  enforcement24: number;
  litigationSubject: number;
  litigationPeers: number;
  riskPoints: number;
  riskLevel: "low" | "medium" | "high";
  riskLevelLabel: string;
  terms: RiskTerm[];
}

export interface CrosswalkCell {
  law: EntityRef;
  jurisdiction: JurisdictionRef;
  provision?: string;
  fact: Fact;
}

export interface CrosswalkRow {
  topic: TopicRef;
  home: CrosswalkCell[];
  target: CrosswalkCell[];
  /** Both sides have a law on the topic: one compliance effort may serve both regimes. */
  both: boolean;
}

export interface CrosswalkSection {
  home: JurisdictionRef | null;
  market: JurisdictionRef;
  rows: CrosswalkRow[];
  notes: string[];
}

export interface RiskEvidence {
  kind: "case" | "law";
  id: string;
  name: string;
  date?: string;
  /** subject, peer (a company of the same home), home, market:<code>, or general (tied to no party or market). */
  bearing: string[];
  facts: Fact[];
}

export interface RiskTheme {
  topic: TopicRef;
  activities: Activity[];
  evidence: RiskEvidence[];
  /** "No evidence in the graph..." or "only general evidence": said plainly. */
  notes: string[];
}

export interface Citation {
  n: number;
  /** The relationships of the graph this citation stands for (same quote and sources, or same reference). */
  relIds: string[];
  basis: "reported" | "curated";
  quote?: string;
  sources: { id: string; title?: string; publisher?: string; date?: string; url?: string }[];
  reference?: { title?: string; url?: string; provision?: string };
}

export interface RoleItem {
  id: string;
  name: string;
  law: EntityRef;
  /** derived from the activities, given by the caller, or derived but depending on a fact the profile does not state. */
  basis: "derived" | "given" | "conditional";
  fact: Fact;
}

export type ObligationStatus = "applies" | "upcoming" | "conditional" | "not_applicable";

export interface PenaltyItem {
  id: string;
  provision: string;
  maxAmount?: number;
  currency?: string;
  maxTurnoverPercent?: number;
  rule?: "higher" | "lower";
  /** The SME ceiling (the lower of the two caps) rather than the general one. */
  sme: boolean;
  fact: Fact;
}

export interface CorrespondenceItem {
  provision: EntityRef & { number: string };
  law: EntityRef;
  fact: Fact;
}

export interface ObligationItem {
  id: string;
  name: string;
  law: EntityRef;
  provision: { id: string; number: string };
  roles: string[];
  text: string;
  appliesFrom: string;
  appliesUntil?: string;
  status: ObligationStatus;
  /** Days from the as-of date to appliesFrom, when it is later. */
  daysUntil?: number;
  condition?: string;
  reason?: string;
  /** A change reported only in secondary sources (not verified in the official text), in the seed's words. */
  reportedChange?: string;
  /** The item (1-based, in this market's list) where the same reported change is given in full. */
  reportedChangeSee?: number;
  verified: string;
  /** The main sentence: what it requires, from when, under which article. */
  fact: Fact;
  penalties: PenaltyItem[];
  home: CorrespondenceItem[];
  /** Why it does not apply, or what it depends on, with the reference that says so. */
  reasonFact?: Fact;
}

export interface CalendarItem {
  date: string;
  markets: string[];
  obligations: string[];
  bindsClient: boolean;
  fact: Fact;
}

export interface StepItem {
  id: string;
  markets: string[];
  obligations: string[];
  /** now: the duty already applies; upcoming: by the date; conditional: if a condition the profile leaves open holds. */
  due: "now" | "upcoming" | "conditional";
  deadline?: string;
  fact: Fact;
  homeFact?: Fact;
}

export interface ExposureRow {
  market: JurisdictionRef;
  level: "low" | "medium" | "high" | "not_assessed";
  levelLabel: string;
  points?: number;
  /** The highest fine ceiling among the binding obligations, as written (amount and/or share of turnover). */
  ceiling?: string;
  terms: RiskTerm[];
  /** Why a level was not assessed, or what drove it. */
  notes: string[];
}

export interface Briefing {
  schemaVersion: 2;
  lang: Lang;
  /** The one line that differs between two runs on the same graph and input. */
  generatedAt: string;
  input: BriefingInput;
  header: {
    title: string;
    subject: {
      kind: "company" | "profile";
      id?: string;
      name: string;
      /** Null when the graph records no BASED_IN for the company. */
      home: JurisdictionRef | null;
      activities: Activity[];
      facts: Fact[];
    };
    markets: JurisdictionRef[];
    asOf: string;
    graphChecksum: string;
    topics: TopicRef[];
    facts: string[];
    notes: string[];
    /** Newest source date, what the graph covers, and the disclaimer. */
    frame: { dataCurrentTo: string | null; coverage: string[]; disclaimer: string };
  };
  summary: { rows: ExposureRow[]; notes: string[] };
  markets: MarketSection[];
  calendar: { items: CalendarItem[]; notes: string[] };
  steps: { items: StepItem[]; notes: string[] };
  exposure: { cases: CaseItem[]; models: ModelItem[]; notes: string[] };
  crosswalk: CrosswalkSection[];
  riskThemes: RiskTheme[];
  appendix: { formula: string[]; method: string[]; citations: Citation[] };
}
