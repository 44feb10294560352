/**
 * Cypher lives in `cypher/` files, one statement per file, loaded by name (`cypher("load/merge-nodes")`). A file opens
 * with comments giving its title, description and parameters; those comments are parsed for the saved-query list.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { PROJECT_ROOT } from "../config.js";
import { RelType } from "../model/index.js";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");
const cache = new Map<string, string>();

/** The text of `cypher/<name>.cypher`; throws if the file does not exist. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(CYPHER_DIR, `${name}.cypher`);
    if (!existsSync(file)) throw new Error(`cypher/${name}.cypher does not exist`);
    text = readFileSync(file, "utf8");
    cache.set(name, text);
  }
  return text;
}

/**
 * The words a statement may carry where Cypher takes no parameter, each with the check its value must pass here, so
 * that nothing but a value of that closed form can reach the query text:
 * - REL_TYPE: a relationship type in a pattern (a dynamic type, `$($type)`, keeps the planner from the per-type
 *   index), one of the model's closed list;
 * - MAX_HOPS: the bound of a variable-length pattern (`[*..MAX_HOPS]`: the bound in the pattern is what lets a path
 *   search stop there), a whole number 1..6.
 */
export const PLACEHOLDERS = {
  REL_TYPE: RelType,
  MAX_HOPS: z.coerce.number().int().min(1).max(6),
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** The text of `cypher/<name>.cypher` with its placeholders replaced by checked values (see PLACEHOLDERS). */
export function cypherWith(name: string, values: Partial<Record<Placeholder, string | number>>): string {
  let text = cypher(name);
  for (const [word, value] of Object.entries(values) as [Placeholder, string | number][]) {
    text = text.replaceAll(word, String(PLACEHOLDERS[word].parse(value)));
  }
  return text;
}

/** The text of a statement written for one relationship type, with `REL_TYPE` replaced by `type`. */
export function relationshipCypher(name: string, type: string): string {
  return cypherWith(name, { REL_TYPE: type });
}

/** Names (without extension) of the `.cypher` files in a folder of `cypher/`, sorted. */
export function cypherNames(folder: string): string[] {
  const dir = path.join(CYPHER_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .map((f) => `${folder}/${f.slice(0, -".cypher".length)}`);
}
