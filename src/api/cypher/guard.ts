/**
 * The read-only check for ad hoc Cypher, applied before a query reaches the database. It removes comments, string
 * literals and quoted identifiers, then refuses any write or administration clause, unknown procedure, or second
 * statement, naming the reason. The READ-mode session stops whatever this misses; this gives the clear message.
 */
import { ForbiddenQueryError } from "../../errors.js";

export const MAX_QUERY_CHARS = 20_000;

const WRITE_CLAUSES: Record<string, string> = {
  CREATE: "CREATE writes to the graph",
  INSERT: "INSERT writes to the graph",
  MERGE: "MERGE writes to the graph",
  SET: "SET changes properties or labels",
  DELETE: "DELETE removes data",
  DETACH: "DETACH DELETE removes data",
  REMOVE: "REMOVE changes properties or labels",
  DROP: "DROP changes the schema",
  FOREACH: "FOREACH is only used to write",
  LOAD: "LOAD CSV reads files or URLs",
  GRANT: "GRANT administers users",
  DENY: "DENY administers users",
  REVOKE: "REVOKE administers users",
  ALTER: "ALTER administers the server",
  RENAME: "RENAME administers the server",
  START: "START DATABASE administers the server",
  STOP: "STOP DATABASE administers the server",
  TERMINATE: "TERMINATE administers the server",
  USE: "USE switches databases",
  SHOW: "SHOW commands inspect the server, not the graph",
  ENABLE: "ENABLE SERVER administers the server",
  DEALLOCATE: "DEALLOCATE administers the server",
  REALLOCATE: "REALLOCATE administers the server",
  DRYRUN: "DRYRUN administers the server",
  PERIODIC: "USING PERIODIC COMMIT writes in batches",
  TRANSACTIONS: "CALL ... IN TRANSACTIONS writes in batches",
};

/** Procedures a lawyer may call: read-only introspection and full-text search. */
export const ALLOWED_PROCEDURES = new Set([
  "db.labels",
  "db.relationshiptypes",
  "db.propertykeys",
  "db.schema.visualization",
  "db.schema.nodetypeproperties",
  "db.schema.reltypeproperties",
  "db.index.fulltext.querynodes",
  "db.index.fulltext.queryrelationships",
]);

/** The query with comments, strings and `quoted identifiers` blanked out, so keywords inside them do not count. */
export function stripLiterals(query: string): string {
  let out = "";
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    const n = query[i + 1];
    if (c === "/" && n === "/") {
      while (i < query.length && query[i] !== "\n") i++;
      out += " ";
    } else if (c === "/" && n === "*") {
      const end = query.indexOf("*/", i + 2);
      i = end === -1 ? query.length : end + 2;
      out += " ";
    } else if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      while (j < query.length && query[j] !== c) j += query[j] === "\\" && c !== "`" ? 2 : 1;
      if (j >= query.length)
        throw new ForbiddenQueryError(`The query has an unterminated ${c === "`" ? "quoted name" : "string"}.`);
      out += c === "`" ? " _q " : " '' ";
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Throws ForbiddenQueryError naming the reason if the query could write or administer anything. */
export function assertReadOnly(query: string): void {
  if (query.length > MAX_QUERY_CHARS)
    throw new ForbiddenQueryError(`The query is longer than ${MAX_QUERY_CHARS} characters.`);
  const normalized = query.normalize("NFKC");
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(normalized)) {
    throw new ForbiddenQueryError("The query contains invisible or control characters; retype it as plain text.");
  }
  const code = stripLiterals(normalized);
  if (/^\s*:/.test(code))
    throw new ForbiddenQueryError(
      "Console commands (':param', ':use'...) are not available; send parameters as params.",
    );
  const statements = code.split(";").filter((s) => s.trim() !== "");
  if (statements.length > 1)
    throw new ForbiddenQueryError("Only one statement can be run at a time; remove the ';' and what follows it.");
  for (const call of code.matchAll(/\bCALL\s+([A-Za-z_][\w$]*(?:\s*\.\s*[A-Za-z_][\w$]*)*)/gi)) {
    const name = call[1].replace(/\s+/g, "");
    if (!ALLOWED_PROCEDURES.has(name.toLowerCase())) {
      throw new ForbiddenQueryError(
        `Refused: the procedure ${name} is not on the console's read-only list (${[...ALLOWED_PROCEDURES].join(", ")}).`,
      );
    }
  }
  for (const match of code.matchAll(/[A-Za-z_][A-Za-z0-9_$]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_$]*)*/g)) {
    const word = match[0].replace(/\s+/g, "");
    const before = code.slice(0, match.index).trimEnd();
    if (before.endsWith(".") || before.endsWith("$")) continue; // a property access or a parameter name
    const upper = word.toUpperCase();
    if (!word.includes(".") && WRITE_CLAUSES[upper]) {
      throw new ForbiddenQueryError(`Refused: ${WRITE_CLAUSES[upper]}. The console is read-only.`);
    }
    const lower = word.toLowerCase();
    if (lower.startsWith("apoc.") || lower === "apoc")
      throw new ForbiddenQueryError(
        "Refused: APOC procedures and functions are not available in the read-only console.",
      );
    if (lower.startsWith("dbms.") || lower === "dbms")
      throw new ForbiddenQueryError("Refused: dbms procedures administer the server.");
    if (lower.startsWith("gds."))
      throw new ForbiddenQueryError("Refused: graph data science procedures are not available.");
  }
}
