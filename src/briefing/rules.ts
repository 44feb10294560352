/**
 * The briefing's editorial rules, in one place and in plain sight: which graph topics each activity touches, which
 * topics the crosswalk compares, the outbound risk themes, which case kinds count as enforcement or litigation, who a
 * case is "against", where a case takes place, and the windows of time; the legal reading (roles, exemptions, steps, the exposure formula) is data in legal-map.json. Changing a rule here
 * changes every briefing the same way; nothing is hidden in the renderers.
 */
import type { Activity } from "./model.js";

/**
 * Activity → obligation topics of the graph. A law addressing one of these topics is marked as bearing on the
 * subject's activities; a case addressing one makes its target a comparable company.
 */
export const ACTIVITY_TOPICS: Record<Activity, readonly string[]> = {
  // Training and releasing models: training data and copyright, model safety, security of the model and its weights.
  foundation_models: ["topic:copyright-training-data", "topic:ai-safety", "topic:cybersecurity"],
  // Publishing weights adds export control and national-security scrutiny of the weights themselves.
  open_weights: ["topic:copyright-training-data", "topic:ai-safety", "topic:national-security-export-control"],
  // Serving a model to businesses: their users' data, transfers abroad, security, access to platforms.
  model_api: ["topic:data-protection", "topic:cross-border-data", "topic:cybersecurity", "topic:competition"],
  // A chatbot for the public: personal data, what it says, minors, consumers, and labeling what it generates.
  consumer_chatbot: [
    "topic:data-protection",
    "topic:content-safety",
    "topic:minors-protection",
    "topic:consumer-protection",
    "topic:ai-content-labeling",
  ],
  // Images and video: labeling synthetic content, rights in the training material, deep fakes and harmful content.
  image_video_generation: ["topic:ai-content-labeling", "topic:copyright-training-data", "topic:content-safety"],
  // Physical products: consumer and product safety, device security, safety of AI acting in the world, sensor data.
  devices_robots: ["topic:consumer-protection", "topic:cybersecurity", "topic:ai-safety", "topic:data-protection"],
  // Processing data of the target market's residents: data protection and cross-border transfer.
  processes_target_residents_data: ["topic:data-protection", "topic:cross-border-data"],
  // High-risk (Annex III) or high-impact systems: safety of AI acting on people, their data, consumers.
  high_risk_systems: ["topic:ai-safety", "topic:data-protection", "topic:consumer-protection"],
};

/** Risk themes an activity makes especially relevant (said next to the theme, whatever the evidence). */
export const ACTIVITY_RISK_THEMES: Partial<Record<Activity, readonly string[]>> = {
  open_weights: ["topic:risk-open-source-regulation"],
  foundation_models: ["topic:risk-technology-theft"],
  devices_robots: ["topic:risk-physical-product-liability"],
  processes_target_residents_data: ["topic:risk-network-security-narrative"],
};

/** The crosswalk's rows, in order: home regime beside target regime for each (DOMAIN.md, "Crosswalk by topic"). */
export const CROSSWALK_TOPICS = [
  "topic:ai-content-labeling",
  "topic:data-protection",
  "topic:cross-border-data",
  "topic:copyright-training-data",
  "topic:competition",
  "topic:cybersecurity",
  "topic:content-safety",
] as const;

/** The outbound risk themes (the outbound-expansion article), in the order the briefing presents them. */
export const RISK_THEMES = [
  "topic:risk-network-security-narrative",
  "topic:risk-technology-theft",
  "topic:risk-government-backing",
  "topic:risk-open-source-regulation",
  "topic:risk-physical-product-liability",
  "topic:risk-geopolitics",
] as const;

/** Case kinds that are actions of the state (counted as enforcement). */
export const ENFORCEMENT_KINDS = ["investigation", "enforcement", "administrative_penalty", "criminal"] as const;
/** Case kinds between parties or before a court (counted as lawsuits and accusations). */
export const LITIGATION_KINDS = ["lawsuit", "accusation", "ruling"] as const;

/** PARTY_TO roles that make the party the one a case is against. */
export const TARGET_ROLES = ["defendant", "respondent", "accused", "investigated"] as const;
/**
 * PARTY_TO roles that place a case where the party is based: the authority, the investigator, the one who sues,
 * complains or accuses. A case also takes place where a court or regulator that rules on it is based, where the
 * actor of its INVESTIGATES/FINES/SUES/ACCUSES edges is based, and where a law it cites or involves applies.
 */
export const VENUE_ROLES = ["authority", "investigator", "plaintiff", "complainant", "accuser"] as const;

/** Relationship types by which a regulator or court acts; ENFORCES and ISSUES name what it enforces or issued. */
export const ACTION_TYPES = [
  "FINES",
  "INVESTIGATES",
  "RULES_ON",
  "HEARS",
  "ACCUSES",
  "SUES",
  "PARTY_TO",
  "ISSUES",
  "ENFORCES",
] as const;

/** Enforcement windows, in months before the as-of date. */
export const RECENT_MONTHS = 12;
export const WINDOW_MONTHS = 24;

/** At most this many regulator actions and precedents per market (most recent first), to keep a briefing readable. */
export const MAX_ACTIONS_PER_MARKET = 60;
export const MAX_PRECEDENTS_PER_MARKET = 40;

/** The date `months` months before an ISO date (same day of month, clamped), as YYYY-MM-DD. */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Whether a date of the graph (YYYY, YYYY-MM or YYYY-MM-DD) lies in (from, to]. A partial date counts by its first
 * day, so "2026-02" is inside a window that starts on 2026-01-15.
 */
export function inWindow(date: string | undefined, from: string, to: string): boolean {
  if (!date) return false;
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return full > from && full <= to;
}

/** Whether a date of the graph is on or before the as-of date (a partial date by its first day). */
export function onOrBefore(date: string | undefined | null, asOf: string): boolean {
  if (!date) return true;
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return full <= asOf;
}
