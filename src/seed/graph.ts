/**
 * Cross-file validation: assembles the parsed seed files into one graph and checks what no single file can: unique
 * ids, known endpoints, endpoint labels allowed by the model, case references, and quotes verbatim in their source.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { SeedProblem } from "../errors.js";
import { ENDPOINTS, type Entity, type Relationship } from "../model/index.js";
import { isLegalEntity, legalRelationships } from "./legal.js";
import type { ParsedSeedFile } from "./read.js";

export interface SeedRelationship extends Relationship {
  id: string;
  file: string;
}
export interface SeedEntity {
  entity: Entity;
  file: string;
}
export interface SeedGraph {
  entities: Map<string, SeedEntity>;
  relationships: SeedRelationship[];
}

/** Whitespace is not significant when a quote is compared with its document (line breaks differ between copies). */
export const squashWhitespace = (s: string): string => s.replace(/\s+/g, "");

/**
 * The relationship's stable id: a hash of what makes it one fact (type, endpoints, case, role, article, first source).
 * Editing the quote or the date keeps the id, so a reload updates the edge in place.
 */
export function relationshipId(r: Relationship): string {
  const key = [r.type, r.from, r.to, r.case ?? "", r.role ?? "", r.article ?? "", r.sources[0] ?? r.reference?.url ?? ""].join("|");
  return `rel:${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

export interface AssembleOptions {
  /** Folder holding the source documents named by Source.document; quotes are checked against them. */
  docsDir?: string;
  /** More folders to look in when a document is not in docsDir (the text of ingested documents). */
  extraDocsDirs?: string[];
}

export function assembleSeedGraph(files: ParsedSeedFile[], options: AssembleOptions = {}): { graph: SeedGraph; problems: SeedProblem[]; warnings: string[] } {
  const problems: SeedProblem[] = [];
  const warnings: string[] = [];
  const entities = new Map<string, SeedEntity>();

  for (const { file, data } of files) {
    const all: [string, Entity][] = [
      ...data.entities.map((e, i) => [`entities[${i}]`, e] as [string, Entity]),
      ...data.sources.map((e, i) => [`sources[${i}]`, e] as [string, Entity]),
    ];
    for (const [p, entity] of all) {
      const prior = entities.get(entity.id);
      if (prior) {
        problems.push({ file, path: `${p}.id`, message: `duplicate id '${entity.id}' (already defined in ${prior.file})` });
        continue;
      }
      entities.set(entity.id, { entity, file });
    }
  }

  const docs = new Map<string, string | null>();
  const docsDirPresent = options.docsDir !== undefined && existsSync(options.docsDir);
  if (options.docsDir !== undefined && !docsDirPresent) {
    warnings.push(`quotes not checked: the documents folder ${options.docsDir} is missing`);
  }
  const searchDirs = [...(options.docsDir !== undefined ? [options.docsDir] : []), ...(options.extraDocsDirs ?? [])];
  const documentText = (name: string): string | null => {
    if (!docs.has(name)) {
      const p = searchDirs.map((dir) => path.join(dir, name)).find((candidate) => existsSync(candidate));
      docs.set(name, p ? squashWhitespace(readFileSync(p, "utf8")) : null);
    }
    return docs.get(name) ?? null;
  };

  // The legal layer's structural edges come from its nodes' fields; they are checked below like any relationship.
  const labelOf = (id: string) => entities.get(id)?.entity.label;
  const derived = files.map(({ file, data }) => {
    const out: { at: string; r: Relationship }[] = [];
    data.entities.forEach((e, i) => {
      if (!isLegalEntity(e)) return;
      const result = legalRelationships(e, `entities[${i}]`, file, labelOf);
      problems.push(...result.problems);
      out.push(...result.relationships.map((r) => ({ at: `entities[${i}]`, r })));
    });
    return out;
  });

  const relationships: SeedRelationship[] = [];
  const seen = new Map<string, string>();
  for (const [fileIndex, { file, data }] of files.entries()) {
    const written = data.relationships.map((r, i) => ({ at: `relationships[${i}]`, r }));
    [...written, ...derived[fileIndex]].forEach(({ at, r }) => {
      const before = problems.length;
      const label = (field: "from" | "to") => {
        const e = entities.get(r[field]);
        if (!e) {
          problems.push({ file, path: `${at}.${field}`, message: `unknown id '${r[field]}'` });
          return undefined;
        }
        return e.entity.label;
      };
      const fromLabel = label("from");
      const toLabel = label("to");
      const allowed = ENDPOINTS[r.type];
      if (fromLabel && !(allowed.from as readonly string[]).includes(fromLabel)) {
        problems.push({ file, path: `${at}.from`, message: `${r.type} cannot start at a ${fromLabel} ('${r.from}'); allowed: ${allowed.from.join(", ")}` });
      }
      if (toLabel && !(allowed.to as readonly string[]).includes(toLabel)) {
        problems.push({ file, path: `${at}.to`, message: `${r.type} cannot end at a ${toLabel} ('${r.to}'); allowed: ${allowed.to.join(", ")}` });
      }
      if (r.case) {
        const c = entities.get(r.case);
        if (!c) problems.push({ file, path: `${at}.case`, message: `unknown id '${r.case}'` });
        else if (c.entity.label !== "Case") problems.push({ file, path: `${at}.case`, message: `'${r.case}' is a ${c.entity.label}, not a Case` });
      }
      r.sources.forEach((sid, j) => {
        const s = entities.get(sid);
        if (!s) {
          problems.push({ file, path: `${at}.sources[${j}]`, message: `unknown id '${sid}'` });
          return;
        }
        if (s.entity.label !== "Source") {
          problems.push({ file, path: `${at}.sources[${j}]`, message: `'${sid}' is a ${s.entity.label}, not a Source` });
          return;
        }
        if (r.quote && searchDirs.length > 0) {
          const text = documentText(s.entity.document);
          if (text === null) {
            // Without the documents folder a missing document is only the warning above.
            if (docsDirPresent) problems.push({ file, path: `${at}.sources[${j}]`, message: `source document '${s.entity.document}' not found in ${searchDirs.join(" or ")}` });
          } else if (!text.includes(squashWhitespace(r.quote))) {
            problems.push({ file, path: `${at}.quote`, message: `quote not found in its source document '${s.entity.document}': "${r.quote.slice(0, 60)}${r.quote.length > 60 ? "…" : ""}"` });
          }
        }
      });
      if (problems.length > before) return;
      const id = relationshipId(r);
      const prior = seen.get(id);
      if (prior) {
        problems.push({ file, path: at, message: `duplicate relationship ${r.type} ${r.from} -> ${r.to} with the same case, role, article and source (first in ${prior})` });
        return;
      }
      seen.set(id, `${file} ${at}`);
      relationships.push({ ...r, id, file });
    });
  }
  return { graph: { entities, relationships }, problems, warnings };
}
