/**
 * Saved queries: the `.cypher` files in cypher/queries/. Each opens with comments that give its title, description
 * and typed parameters; from those the list for the console and a zod schema per query are built at start-up.
 *
 *   // title: Enforcement actions against a company and the laws cited
 *   // description: ...
 *   // param company: id = company:openai -- the company
 *   // param from: date = 2000-01-01 -- earliest event date
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

import { CYPHER_DIR, cypherNames } from "../../db/cypher.js";
import { EntityId, IsoDate } from "../../model/index.js";
import type { SavedQueryInfo, SavedQueryParam } from "../../model/wire.js";

export const PARAM_TYPES = {
  string: z.string().max(500),
  // A number, or a string of digits (from a form); an empty string is not zero.
  int: z
    .union([z.number(), z.string().regex(/^\d+$/, "expected a whole number").transform(Number)])
    .pipe(z.number().int().min(0).max(100_000)),
  date: IsoDate,
  id: EntityId,
  "string[]": z.array(z.string().max(500)).max(100),
  "id[]": z.array(EntityId).max(100),
} as const satisfies Record<SavedQueryParam["type"], z.ZodType>;
type ParamType = keyof typeof PARAM_TYPES;

/** A saved query as the list shows it (the wire's SavedQueryInfo), with the zod schema of its parameters. */
export interface SavedQuery extends SavedQueryInfo {
  schema: z.ZodObject;
}

const PARAM_LINE = /^\/\/\s*param\s+(\w+)\s*:\s*([\w[\]]+)\s*(?:=\s*(.*?))?\s*(?:--\s*(.*))?$/;

export function parseSavedQuery(name: string, text: string): SavedQuery {
  const header = text.split("\n").filter((l) => l.trim().startsWith("//"));
  const field = (key: string) => header.map((l) => l.match(new RegExp(`^//\\s*${key}:\\s*(.*)$`))?.[1]).find(Boolean);
  const title = field("title");
  if (!title) throw new Error(`cypher/queries/${name}.cypher: the header has no '// title:' line`);
  const params: SavedQueryParam[] = [];
  for (const line of header) {
    const m = line.trim().match(PARAM_LINE);
    if (!m) continue;
    const [, pname, type, def, description] = m;
    if (!(type in PARAM_TYPES))
      throw new Error(`cypher/queries/${name}.cypher: parameter '${pname}' has unknown type '${type}'`);
    const t = type as ParamType;
    const parsedDefault =
      def === undefined || def === ""
        ? undefined
        : t.endsWith("[]")
          ? def
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : t === "int"
            ? Number(def)
            : def;
    params.push({ name: pname, type: t, default: parsedDefault, description: description ?? "" });
  }
  const shape = Object.fromEntries(
    params.map((p) => [
      p.name,
      p.default === undefined ? PARAM_TYPES[p.type] : (PARAM_TYPES[p.type] as z.ZodType).default(p.default as never),
    ]),
  );
  return {
    name,
    title,
    description: field("description") ?? "",
    params,
    query: text,
    schema: z.object(shape).strict(),
  };
}

export function loadSavedQueries(): Map<string, SavedQuery> {
  const out = new Map<string, SavedQuery>();
  for (const full of cypherNames("queries")) {
    const name = full.slice("queries/".length);
    out.set(name, parseSavedQuery(name, readFileSync(path.join(CYPHER_DIR, `${full}.cypher`), "utf8")));
  }
  return out;
}
