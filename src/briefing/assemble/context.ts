/**
 * The one small object the briefing's stages share: the parsed input, the words of the chosen language, the
 * citation registry, and what the profile stage found (subject, home, markets). Each stage reads it and returns its
 * own section; none writes into another's.
 */
import type { Db } from "../../db/driver.js";
import { CitationRegistry } from "../citations.js";
import { LEGAL_STRINGS, type LegalStrings } from "../i18n-legal.js";
import { STRINGS, nameIn, type NameLike, type Strings } from "../i18n.js";
import { legalMap, type LegalMap } from "../legal-map.js";
import type { BriefingInput, EntityRef, Fact, JurisdictionRef } from "../model.js";
import type { JurisdictionNode, JurisdictionRow, RelProps } from "../queries.js";

export interface Market {
  row: JurisdictionRow;
  ref: JurisdictionRef;
  /** The market, what it is part of, and its parts (for cases, actions and laws). */
  scope: string[];
  /** The market and what it is part of (for the legal layer: the EU's law binds in a member state). */
  lawScope: string[];
}

export interface Profile {
  subjectId?: string;
  subjectName: string;
  home: JurisdictionRef | null;
  homeRow?: JurisdictionRow;
  homeRels: RelProps[];
  /** The home jurisdiction and what it is part of. */
  homeScope: string[];
  markets: Market[];
  jurNames: Map<string, JurisdictionRef>;
  sameName: string[];
}

export interface Ctx {
  db: Db;
  input: BriefingInput;
  lang: BriefingInput["lang"];
  asOf: string;
  S: Strings;
  L: LegalStrings;
  map: LegalMap;
  citations: CitationRegistry;
  nm: (e: NameLike) => string;
  fact: (text: string, ...rels: (RelProps | undefined | null)[]) => Fact;
  entityRef: (e: NameLike & { label?: string }) => EntityRef;
  jurRef: (j: JurisdictionNode) => JurisdictionRef;
  label: (labels: Record<string, string>, key: string) => string;
}

export function createContext(db: Db, input: BriefingInput): Ctx {
  const lang = input.lang;
  const citations = new CitationRegistry();
  const nm = (e: NameLike) => nameIn(lang, e);
  return {
    db,
    input,
    lang,
    asOf: input.asOf,
    S: STRINGS[lang],
    L: LEGAL_STRINGS[lang],
    map: legalMap(),
    citations,
    nm,
    fact: (text, ...rels) => ({ text, cites: citations.cite(...rels) }),
    entityRef: (e) => ({ id: e.id, label: e.label ?? "Entity", name: nm(e) }),
    jurRef: (j) => ({ id: j.id, code: j.code, name: nm(j) }),
    label: (labels, key) => labels[key] ?? key.replace(/_/g, " "),
  };
}

export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
export const dateDesc = (a?: string, b?: string) => (a && b ? byString(b, a) : a ? -1 : b ? 1 : 0);

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `months` months after an ISO date (same day, clamped to the month's end). */
export function monthsAfter(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
