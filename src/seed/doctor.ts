/**
 * The seed doctor: graph-quality checks over the assembled seed graph, with no database. Validation (validate.ts)
 * refuses what cannot be loaded; the doctor finds what loads but misleads a lawyer: one name for two entities, an
 * action without its date, a court "ruling" on a suit only filed, a legal-layer node cut off from its law or role.
 * It reads the assembled graph rather than the files, so it also catches edits that bypass the schema.
 */
import { SeedValidationError } from "../errors.js";
import type { Entity, Label, RelType } from "../model/index.js";
import type { SeedEntity, SeedGraph, SeedRelationship } from "./graph.js";
import { validateSeed, type ValidateOptions } from "./validate.js";

export const SEVERITIES = ["error", "warning"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding: how bad, where (the seed file, then the entity or relationship in it) and what to do. */
export interface Finding {
  severity: Severity;
  file: string;
  path: string;
  message: string;
}

/** Reported actions: what a regulator, court or party did, which a lawyer reads on a timeline. */
export const ACTION_TYPES: readonly RelType[] = ["INVESTIGATES", "SUES", "ACCUSES", "FINES", "RULES_ON", "HEARS"];
/** Case statuses under which nothing has been decided yet. */
export const UNDECIDED_STATUSES = ["open", "pending"] as const;
/**
 * Legal-layer labels whose names repeat by design from one regime to the next: a role ("provider" in the AI Act and
 * in the labeling measures) and an article number ("Art. 12", "第十二条" in two laws). Within one regime they clash.
 */
export const GENERIC_ACROSS_REGIMES: readonly Label[] = ["Role", "Provision"];
const CORRESPONDENCE_FIELDS = ["theme", "themeZh", "differenceEn", "differenceZh"] as const;

/** Where a relationship is, for a reader: its type and endpoints (a seed file has no other stable key for it). */
const relPath = (r: SeedRelationship): string => `${r.type} ${r.from} -> ${r.to}`;
const entityOf = <L extends Label>(graph: SeedGraph, id: string, label: L): Extract<Entity, { label: L }> | undefined => {
  const e = graph.entities.get(id)?.entity;
  return e?.label === label ? (e as Extract<Entity, { label: L }>) : undefined;
};
const entitiesOf = <L extends Label>(graph: SeedGraph, label: L): { entity: Extract<Entity, { label: L }>; file: string }[] =>
  [...graph.entities.values()].filter((e): e is { entity: Extract<Entity, { label: L }>; file: string } => e.entity.label === label);

/** The key two names are compared by: case, width (ＡＢ / AB) and spacing do not make two names different. */
export const nameKey = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

/** The regime of a legal-layer id: `role:eu-ai-act:provider` -> `eu-ai-act`. */
const regimeOf = (id: string): string => id.split(":")[1] ?? "";

/**
 * Names and aliases shared by different entities: an error between two entities of one label (a search for the name
 * cannot tell them apart), a warning across labels (a company and its model may share a name). Generic role names
 * repeated from one regime to another are expected and ignored.
 */
export function duplicateNames(graph: SeedGraph): Finding[] {
  const byKey = new Map<string, { seed: SeedEntity; field: string; name: string }[]>();
  for (const seed of graph.entities.values()) {
    const e = seed.entity;
    if (e.label === "Source") continue;
    const names: [string, string | undefined][] = [
      ["nameEn", e.nameEn],
      ["nameZh", e.nameZh],
      ...(e.aliases ?? []).map((a, i): [string, string] => [`aliases[${i}]`, a]),
    ];
    const seen = new Set<string>();
    for (const [field, name] of names) {
      if (!name) continue;
      const key = nameKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      byKey.set(key, [...(byKey.get(key) ?? []), { seed, field, name }]);
    }
  }
  const findings: Finding[] = [];
  for (const holders of byKey.values()) {
    if (holders.length < 2) continue;
    const pairs = holders.flatMap((a, i) => holders.slice(i + 1).map((b) => [a.seed.entity, b.seed.entity] as const));
    const excused = (a: Entity, b: Entity) => a.label === b.label && GENERIC_ACROSS_REGIMES.includes(a.label) && regimeOf(a.id) !== regimeOf(b.id);
    const clashing = pairs.filter(([a, b]) => !excused(a, b));
    if (!clashing.length) continue;
    const sameLabel = clashing.find(([a, b]) => a.label === b.label);
    const [first, ...others] = holders;
    const named = others.map((h) => `${h.seed.entity.id} (${h.field}${h.seed.file === first.seed.file ? "" : `, ${h.seed.file}`})`).join(", ");
    findings.push({
      severity: sameLabel ? "error" : "warning",
      file: first.seed.file,
      path: `${first.seed.entity.id}.${first.field}`,
      message: sameLabel
        ? `'${first.name}' also names ${named}: two ${sameLabel[0].label} entities share a name or alias; merge them or keep it on one`
        : `'${first.name}' also names ${named}, of another label: a search for it finds both`,
    });
  }
  return findings;
}

/** Reported actions without a date: a lawyer cannot place them on a timeline or in a look-back window. */
export function undatedActions(graph: SeedGraph): Finding[] {
  return graph.relationships
    .filter((r) => ACTION_TYPES.includes(r.type) && !r.date)
    .map((r) => ({ severity: "warning", file: r.file, path: relPath(r), message: `${r.type} without a date: give the event date the source states (YYYY-MM-DD, YYYY-MM or YYYY)` }));
}

/** A court that RULES_ON a case still open or pending: a suit filed but not decided is HEARS, not a ruling. */
export function rulingsOnUndecidedCases(graph: SeedGraph): Finding[] {
  return graph.relationships.flatMap((r): Finding[] => {
    if (r.type !== "RULES_ON" || !entityOf(graph, r.from, "Court")) return [];
    const c = entityOf(graph, r.to, "Case");
    if (!c || !(UNDECIDED_STATUSES as readonly string[]).includes(c.status)) return [];
    return [{ severity: "error", file: r.file, path: relPath(r), message: `the case's status is '${c.status}': a court that has not decided HEARS the case; RULES_ON is for a decision` }];
  });
}

/** Obligations that bind no role (no BINDS edge) or give no date from which they apply. */
export function incompleteObligations(graph: SeedGraph): Finding[] {
  const bound = new Set(graph.relationships.filter((r) => r.type === "BINDS").map((r) => r.from));
  return entitiesOf(graph, "Obligation").flatMap(({ entity: o, file }): Finding[] => [
    ...(bound.has(o.id) ? [] : [{ severity: "error" as const, file, path: `${o.id}.binds`, message: "the obligation binds no role: name who must comply (binds: Role ids)" }]),
    ...(o.appliesFrom ? [] : [{ severity: "error" as const, file, path: `${o.id}.appliesFrom`, message: "the obligation has no appliesFrom date: say from when the duty applies" }]),
  ]);
}

/** Provisions that no Law holds (no HAS_PROVISION edge). */
export function provisionsWithoutLaw(graph: SeedGraph): Finding[] {
  const held = new Set(graph.relationships.filter((r) => r.type === "HAS_PROVISION" && entityOf(graph, r.from, "Law")).map((r) => r.to));
  return entitiesOf(graph, "Provision")
    .filter(({ entity }) => !held.has(entity.id))
    .map(({ entity, file }) => ({ severity: "error", file, path: `${entity.id}.law`, message: "the provision belongs to no Law: name its law" }));
}

/** CORRESPONDS_TO without its theme or its difference notes, in English and in Chinese. */
export function incompleteCorrespondences(graph: SeedGraph): Finding[] {
  return graph.relationships.flatMap((r): Finding[] => {
    if (r.type !== "CORRESPONDS_TO") return [];
    const missing = CORRESPONDENCE_FIELDS.filter((f) => !r[f]?.trim());
    return missing.length ? [{ severity: "error", file: r.file, path: relPath(r), message: `missing ${missing.join(", ")}: a correspondence says what both provisions concern and how they differ, in both languages` }] : [];
  });
}

/** Curated edges that do not say how they were checked. */
export function unverifiedCurated(graph: SeedGraph): Finding[] {
  return graph.relationships
    .filter((r) => r.basis === "curated" && !r.verified)
    .map((r) => ({ severity: "error", file: r.file, path: relPath(r), message: "a curated relationship says how it was checked: verified 'text' or 'reference'" }));
}

/** Laws that do not say whether they bind. */
export function lawsWithoutBinding(graph: SeedGraph): Finding[] {
  return entitiesOf(graph, "Law")
    .filter(({ entity }) => !entity.binding)
    .map(({ entity, file }) => ({ severity: "warning", file, path: `${entity.id}.binding`, message: `no binding: say whether this ${entity.kind.replace(/_/g, " ")} is 'binding', 'soft' or 'none'` }));
}

/** True when date a is before date b at the precision both give (`2024-08` is not before `2024-08-01`). */
export const isBefore = (a: string, b: string): boolean => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

/** Obligations said to apply before their law takes effect. */
export function obligationsBeforeLaw(graph: SeedGraph): Finding[] {
  const providerOf = new Map(graph.relationships.filter((r) => r.type === "IMPOSES").map((r) => [r.to, r.from]));
  const lawOf = new Map(graph.relationships.filter((r) => r.type === "HAS_PROVISION").map((r) => [r.to, r.from]));
  return entitiesOf(graph, "Obligation").flatMap(({ entity: o, file }): Finding[] => {
    const provision = providerOf.get(o.id);
    const law = provision ? entityOf(graph, lawOf.get(provision) ?? "", "Law") : undefined;
    if (!o.appliesFrom || !law?.effectiveDate || !isBefore(o.appliesFrom, law.effectiveDate)) return [];
    return [{ severity: "warning", file, path: `${o.id}.appliesFrom`, message: `applies from ${o.appliesFrom}, before ${law.id} takes effect (${law.effectiveDate})` }];
  });
}

/** Every check, by name. */
export const CHECKS = {
  duplicateNames,
  undatedActions,
  rulingsOnUndecidedCases,
  incompleteObligations,
  provisionsWithoutLaw,
  incompleteCorrespondences,
  unverifiedCurated,
  lawsWithoutBinding,
  obligationsBeforeLaw,
} satisfies Record<string, (graph: SeedGraph) => Finding[]>;
export type CheckName = keyof typeof CHECKS;

export interface DoctorOptions {
  /** The checks to run (default: all). */
  checks?: CheckName[];
}
const DEFAULTS: Required<DoctorOptions> = { checks: Object.keys(CHECKS) as CheckName[] };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Errors first, then by file and path, so that two runs print the same list. */
export const sortFindings = (findings: Finding[]): Finding[] =>
  [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byString(a.file, b.file) || byString(a.path, b.path) || byString(a.message, b.message));

/** Runs the checks over an assembled seed graph; returns the findings, errors first. */
export function runDoctor(graph: SeedGraph, options: DoctorOptions = {}): Finding[] {
  if (!graph || !(graph.entities instanceof Map) || !Array.isArray(graph.relationships)) {
    throw new TypeError("seed/doctor: runDoctor expects an assembled seed graph ({ entities: Map, relationships: [] }), e.g. validateSeed().graph");
  }
  // An option given as undefined (a CLI flag not passed) keeps its default.
  const checks = options.checks ?? DEFAULTS.checks;
  const unknown = checks.filter((c) => !(c in CHECKS));
  if (unknown.length) throw new TypeError(`seed/doctor: unknown check(s) ${unknown.join(", ")}; known: ${Object.keys(CHECKS).join(", ")}`);
  return sortFindings(checks.flatMap((c) => CHECKS[c](graph)));
}

export interface DoctorReport {
  findings: Finding[];
  /** False when the seed files do not validate: the findings are then the validation problems, the checks did not run. */
  checked: boolean;
  files: number;
  entities: number;
  relationships: number;
}

/** Validates the seed files (validateSeed) and runs the checks; validation problems come back as errors. */
export function diagnoseSeed(options: ValidateOptions & DoctorOptions = {}): DoctorReport {
  try {
    const seed = validateSeed(options);
    return {
      findings: runDoctor(seed.graph, options),
      checked: true,
      files: seed.files.length,
      entities: seed.graph.entities.size,
      relationships: seed.graph.relationships.length,
    };
  } catch (err) {
    if (!(err instanceof SeedValidationError)) throw err;
    return { findings: sortFindings(err.problems.map((p) => ({ severity: "error", ...p }))), checked: false, files: 0, entities: 0, relationships: 0 };
  }
}
