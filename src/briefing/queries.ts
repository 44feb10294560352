/**
 * The briefing's reads, one function per file in cypher/briefing/: parameters in, plain typed rows out. Nothing else
 * in the briefing talks to the database (apart from the graph checksum and the Source lookup the API shares).
 */
import { cypher } from "../db/cypher.js";
import type { Db } from "../db/driver.js";
import { TARGET_ROLES, VENUE_ROLES } from "./rules.js";

/** A relationship's stored properties plus its type (`r {.*, type: type(r)}`). */
export interface RelProps {
  id: string;
  type: string;
  basis: "reported" | "curated";
  sources?: string[];
  quote?: string;
  date?: string;
  case?: string;
  role?: string;
  article?: string;
  note?: string;
  referenceTitle?: string;
  referenceUrl?: string;
  referenceProvision?: string;
}

export interface Named {
  id: string;
  label?: string;
  nameEn?: string | null;
  nameZh?: string | null;
}

export interface JurisdictionNode {
  id: string;
  code: string;
  nameEn?: string;
  nameZh?: string;
}

export interface JurisdictionRow extends JurisdictionNode {
  ancestors: JurisdictionNode[];
  parts: JurisdictionNode[];
}

export interface SubjectRow {
  labels: string[];
  props: Record<string, unknown>;
  homes: { id: string; code: string; nameEn?: string; nameZh?: string; national: boolean; rels: RelProps[] }[];
}

export interface TopicRow {
  id: string;
  category: string;
  nameEn?: string;
  nameZh?: string;
}

export interface SubjectCaseRow {
  caseId: string;
  role: string;
  modelId: string | null;
  rel: RelProps;
}

export interface SubjectModelRow {
  props: Record<string, unknown>;
  rels: RelProps[];
  reportedDate: string | null;
}

export interface CaseParty extends Named {
  role: string;
  rel: RelProps;
  basedIn: string[];
  homes: string[];
  developers: string[];
}

export interface CaseRow {
  id: string;
  props: Record<string, unknown>;
  parties: CaseParty[];
  edges: { type: string; from: string; to: string; rel: RelProps }[];
  rulings: (Named & { rel: RelProps; basedIn: string[] })[];
  topics: (Named & { category: string; rel: RelProps })[];
  laws: (Named & { article?: string | null; rel: RelProps; appliesIn: string[] })[];
  models: (Named & { rel: RelProps; developers: string[] })[];
  reportedIn: RelProps[];
  sourceDate: string | null;
}

export interface LawRow {
  id: string;
  props: Record<string, unknown>;
  jurisdictionId: string;
  appliesIn: RelProps[];
  topics: (Named & { category: string; rel: RelProps })[];
  issuers: (Named & { rel: RelProps })[];
  issuedDate: string | null;
}

export interface ActionRow {
  actor: Named & { label: string };
  jurisdictionId: string;
  based: RelProps;
  type: string;
  rel: RelProps;
  target: Named & { label: string };
  case: Named | null;
  date: string | null;
}

export interface CrosswalkQueryRow {
  topicId: string;
  jurisdictionId: string;
  law: Named & { identifier?: string; kind?: string; status?: string; issuedDate?: string; effectiveDate?: string };
  rel: RelProps;
  appliesIn: RelProps[];
}

export interface RiskEvidenceRow {
  topicId: string;
  id: string;
  label: string;
  props: Record<string, unknown>;
  rel: RelProps;
  appliesIn: { id: string; rel: RelProps }[];
  signers: (Named & { rel: RelProps; basedIn: string[] })[];
  issuers: (Named & { rel: RelProps; basedIn: string[] })[];
}

export interface ObligationRow {
  law: Named & { binding?: string | null; kind?: string | null };
  provision: Named & { number: string; description?: string | null; verified?: string; hasProvision: RelProps };
  obligation: Record<string, unknown> & { id: string; appliesFrom: string; appliesUntil?: string; binds: string[] };
  imposes: RelProps;
  roles: (Named & { rel: RelProps })[];
  penalties: { penalty: PenaltyProps; number: string; rel: RelProps; sets: RelProps }[];
  home: { provision: Named & { number: string }; law: Named; rel: RelProps & CorrespondenceProps }[];
}

export interface PenaltyProps {
  id: string;
  maxAmount?: number;
  currency?: string;
  maxTurnoverPercent?: number;
  rule?: "higher" | "lower";
  note?: string;
  noteZh?: string;
}

export interface CorrespondenceProps {
  theme?: string;
  themeZh?: string;
  differenceEn?: string;
  differenceZh?: string;
}

export interface ObligationRefRow {
  id: string;
  nameEn: string;
  nameZh: string;
  appliesFrom: string;
  number: string;
  law: Named;
  imposes: RelProps;
}

export interface CaseProvisionRow {
  id: string;
  provisions: { id: string; rel: RelProps }[];
  targetModelKinds: string[];
}

export interface CoverageRow {
  newest: string | null;
  oldest: string | null;
  sources: number;
  legalLaws: Named[];
}

export const briefingQueries = {
  jurisdictions: (db: Db, codes: string[]) => db.read<JurisdictionRow>(cypher("briefing/jurisdictions"), { codes }),
  jurisdictionCodes: async (db: Db) =>
    (await db.read<{ code: string }>(cypher("briefing/jurisdiction-codes"))).map((r) => r.code),
  subject: async (db: Db, id: string) => (await db.read<SubjectRow>(cypher("briefing/subject"), { id }))[0],
  companiesByName: async (db: Db, name: string) =>
    (await db.read<{ id: string }>(cypher("briefing/companies-by-name"), { name })).map((r) => r.id),
  topics: (db: Db, ids: string[]) => db.read<TopicRow>(cypher("briefing/topics"), { ids }),
  subjectCases: (db: Db, subjectId: string) => db.read<SubjectCaseRow>(cypher("briefing/subject-cases"), { subjectId }),
  subjectModels: (db: Db, subjectId: string) =>
    db.read<SubjectModelRow>(cypher("briefing/subject-models"), { subjectId }),
  marketCases: async (db: Db, scopeIds: string[]) =>
    (await db.read<{ id: string }>(cypher("briefing/market-cases"), { scopeIds, venueRoles: [...VENUE_ROLES] })).map(
      (r) => r.id,
    ),
  caseDetails: (db: Db, caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([] as CaseRow[])
      : db.read<CaseRow>(cypher("briefing/case-details"), { caseIds }),
  marketLaws: (db: Db, scopeIds: string[]) => db.read<LawRow>(cypher("briefing/market-laws"), { scopeIds }),
  marketActions: (db: Db, scopeIds: string[], asOf: string, limit: number) =>
    db.read<ActionRow>(cypher("briefing/market-actions"), { scopeIds, asOf, limit }),
  crosswalk: (db: Db, topicIds: string[], jurisdictionIds: string[]) =>
    db.read<CrosswalkQueryRow>(cypher("briefing/crosswalk"), { topicIds, jurisdictionIds }),
  riskEvidence: (db: Db, topicIds: string[]) =>
    db.read<RiskEvidenceRow>(cypher("briefing/risk-evidence"), { topicIds }),
  marketObligations: (db: Db, scopeIds: string[], homeIds: string[]) =>
    db.read<ObligationRow>(cypher("briefing/market-obligations"), { scopeIds, homeIds }),
  obligationsById: (db: Db, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ObligationRefRow[])
      : db.read<ObligationRefRow>(cypher("briefing/obligations-by-id"), { ids }),
  caseProvisions: (db: Db, caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([] as CaseProvisionRow[])
      : db.read<CaseProvisionRow>(cypher("briefing/case-provisions"), { caseIds, targetRoles: [...TARGET_ROLES] }),
  coverage: async (db: Db, asOf: string) => (await db.read<CoverageRow>(cypher("briefing/data-coverage"), { asOf }))[0],
};

/** Every cypher/briefing name the code uses (a test checks that each file exists and parses). */
export const BRIEFING_QUERY_NAMES = [
  "briefing/jurisdictions",
  "briefing/jurisdiction-codes",
  "briefing/subject",
  "briefing/companies-by-name",
  "briefing/topics",
  "briefing/subject-cases",
  "briefing/subject-models",
  "briefing/market-cases",
  "briefing/case-details",
  "briefing/market-laws",
  "briefing/market-actions",
  "briefing/crosswalk",
  "briefing/risk-evidence",
  "briefing/market-obligations",
  "briefing/obligations-by-id",
  "briefing/case-provisions",
  "briefing/data-coverage",
] as const;
