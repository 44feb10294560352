/**
 * The first-load path: a validated seed graph written into an EMPTY database of the project's own local instance by
 * `neo4j-admin database import full` (the server is stopped for it), then the same schema, full-text refresh, checksum
 * and GraphMeta as the transactional loader (load.ts), so that both paths leave the same graph and the same stored
 * checksum (tests/db/import.test.ts compares them). Never for a server named by NEO4J_URI: the loader does not stop
 * a server it does not manage, and a remote one's files are not on this machine.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import { once } from "node:events";

import { BULK_IMPORT_MIN_RELATIONSHIPS, PROJECT_ROOT, type DbConfig } from "../config.js";
import { cypher } from "../db/cypher.js";
import { createDb, type Db } from "../db/driver.js";
import { ConflictError } from "../errors.js";
import type { SeedGraph, SeedRelationship } from "./graph.js";
import { ranksOf, writeRanks } from "./neighbour-ranks.js";
import { applySchema, graphChecksum, graphCounts, nodeProps, relationshipProps, relationshipQuery, type LoadReport } from "./load.js";

/** auto: the first-load path when it applies (see bulkImportApplies); always: it or an error; never: transactional. */
export const BULK_IMPORT_MODES = ["auto", "always", "never"] as const;
export type BulkImportMode = (typeof BULK_IMPORT_MODES)[number];

/** Between array elements and labels: a control character no seed text holds (checked while writing). */
const ARRAY_DELIMITER = "\u001f";
const IMPORT_DATABASE = "neo4j";
const FIXUP_BATCH = 10_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface BulkImportDecision {
  applies: boolean;
  /** Why, in words for the user. */
  reason: string;
}

/** The graph cannot be written as import CSV exactly (a value type CSV import would change); load it transactionally. */
export class BulkImportUnsupportedError extends Error {}

/**
 * Whether the first-load path applies: the project's own instance (no NEO4J_URI), its default database, no data in
 * it (the LoadLock and GraphMeta nodes aside), and a graph large enough to gain from it (minRelationships; 0 when
 * forced). Call it under the load lock, so that no other load writes meanwhile.
 */
export async function bulkImportApplies(db: Db, graph: SeedGraph, minRelationships = BULK_IMPORT_MIN_RELATIONSHIPS): Promise<BulkImportDecision> {
  if (!db.config.local) return { applies: false, reason: `the database is a server of your own (NEO4J_URI=${db.config.uri}), which the loader never stops` };
  if (db.config.database && db.config.database !== IMPORT_DATABASE) return { applies: false, reason: `the database is '${db.config.database}', not the instance's default '${IMPORT_DATABASE}'` };
  const [{ nodes, relationships }] = await db.read<{ nodes: number; relationships: number }>(cypher("load/data-counts"));
  if (nodes > 0 || relationships > 0) return { applies: false, reason: `the database already holds ${nodes} nodes and ${relationships} relationships` };
  if (graph.relationships.length < minRelationships) {
    return { applies: false, reason: `the graph has ${graph.relationships.length} relationships, fewer than the ${minRelationships} from which stopping the server for the import pays (BULK_IMPORT_MIN_RELATIONSHIPS)` };
  }
  return { applies: true, reason: `the local instance '${db.config.instance}' is empty` };
}

type ColumnType = "string" | "boolean" | "long" | "double" | "string[]";

function columnType(key: string, value: unknown, what: string): ColumnType {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  // As the transactional loader sends them (toNeo4jParams): safe integers as Integer (long), others as Float.
  if (typeof value === "number") return Number.isSafeInteger(value) ? "long" : "double";
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v !== "" && !v.includes(ARRAY_DELIMITER))) return "string[]";
  throw new BulkImportUnsupportedError(`${what}: property ${key} has a value CSV import cannot write exactly`);
}

/** RFC 4180 quoting for every field: a quoted "" stays an empty string, never null. */
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function field(type: ColumnType, value: unknown): string {
  if (type === "string[]") return quote((value as string[]).join(ARRAY_DELIMITER));
  return quote(String(value));
}

/**
 * CSV files of one kind (nodes or relationships), one per set of property names and types: each file's header names
 * exactly the properties its rows have, so a missing property stays missing and a value keeps its type.
 */
class CsvGroups {
  private files = new Map<string, { file: string; out: WriteStream; columns: [string, ColumnType][] }>();
  multiline = false;

  constructor(
    private readonly dir: string,
    private readonly kind: "nodes" | "relationships",
    private readonly fixedHeader: string[],
  ) {}

  async write(fixed: string[], props: Record<string, unknown>, what: string): Promise<void> {
    const columns = Object.keys(props)
      .sort()
      .map((k) => [k, columnType(k, props[k], what)] as [string, ColumnType]);
    const signature = columns.map(([k, t]) => `${k}:${t}`).join(",");
    let group = this.files.get(signature);
    if (!group) {
      const file = path.join(this.dir, `${this.kind}-${this.files.size}.csv`);
      group = { file, out: createWriteStream(file), columns };
      this.files.set(signature, group);
      group.out.write([...this.fixedHeader, ...columns.map(([k, t]) => `${k}:${t}`)].join(",") + "\n");
    }
    const line = [...fixed.map(quote), ...group.columns.map(([k, t]) => field(t, props[k]))].join(",");
    if (!this.multiline && /[\r\n]/.test(line)) this.multiline = true;
    if (!group.out.write(line + "\n")) await once(group.out, "drain");
  }

  async close(): Promise<string[]> {
    await Promise.all([...this.files.values()].map(({ out }) => new Promise((resolve) => out.end(resolve))));
    return [...this.files.values()].map((g) => g.file);
  }
}

/**
 * Properties CSV import cannot write: an empty list (neo4j-admin reads an empty array field as no value). They are
 * set after the import, by id: [id, {key: []}] rows, relationships per type.
 */
export interface Fixups {
  nodes: [string, Record<string, unknown[]>][];
  relationships: Map<string, [string, Record<string, unknown[]>][]>;
}

/** Moves the empty lists of `props` out into a fixup row, if any. */
function withoutEmptyLists(id: string, props: Record<string, unknown>, into: [string, Record<string, unknown[]>][]): Record<string, unknown> {
  let empty: Record<string, unknown[]> | undefined;
  for (const [k, v] of Object.entries(props)) {
    if (Array.isArray(v) && v.length === 0) {
      (empty ??= {})[k] = [];
      delete props[k];
    }
  }
  if (empty) into.push([id, empty]);
  return props;
}

export interface ImportFiles {
  nodes: string[];
  relationships: string[];
  fixups: Fixups;
  /** Some value holds a line break: neo4j-admin must parse multi-line fields (slower). */
  multiline: boolean;
}

/** The graph as neo4j-admin import CSV in `dir`: the properties the transactional loader stores, with their types. */
export async function writeImportFiles(graph: SeedGraph, dir: string): Promise<ImportFiles> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fixups: Fixups = { nodes: [], relationships: new Map() };
  const nodes = new CsvGroups(dir, "nodes", [":ID", ":LABEL"]);
  for (const { entity } of graph.entities.values()) {
    const props = withoutEmptyLists(entity.id, { ...nodeProps(entity), id: entity.id }, fixups.nodes);
    await nodes.write([entity.id, `Entity${ARRAY_DELIMITER}${entity.label}`], props, entity.id);
  }
  const rels = new CsvGroups(dir, "relationships", [":START_ID", ":END_ID", ":TYPE"]);
  for (const r of graph.relationships as SeedRelationship[]) {
    let typeFixups = fixups.relationships.get(r.type);
    if (!typeFixups) fixups.relationships.set(r.type, (typeFixups = []));
    await rels.write([r.from, r.to, r.type], withoutEmptyLists(r.id, relationshipProps(r), typeFixups), r.id);
  }
  return { nodes: await nodes.close(), relationships: await rels.close(), fixups, multiline: nodes.multiline || rels.multiline };
}

/** neo4j-admin's arguments for these files. */
export function importArgs(files: ImportFiles): string[] {
  return [
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
    `--multiline-fields=${files.multiline}`,
    // Validation has checked every endpoint and id: any bad entry is a bug, and must stop the import.
    "--bad-tolerance=0",
    "--strict=true",
  ];
}

/**
 * Stops the instance, imports `files` into its default database (replacing it), and starts it again, through
 * `scripts/neo4j.sh import`, which holds a lock file meanwhile so that no other process starts the server mid-import.
 */
export function runImport(config: DbConfig, files: ImportFiles): void {
  execFileSync("bash", [path.join(PROJECT_ROOT, "scripts", "neo4j.sh"), "import", ...importArgs(files)], {
    env: { ...process.env, NEO4J_INSTANCE: config.instance, NEO4J_BOLT_PORT: new URL(config.uri).port },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface ImportOptions {
  /** As for loadSeedGraph: compute and store the checksum (reads the whole graph once), or forget it. */
  checksum?: boolean;
  /** Where the CSV files go (removed afterwards); default .data/import/<instance>. */
  dir?: string;
  onPhase?: (phase: "csv" | "import" | "schema" | "checksum") => void;
}

/**
 * The first-load path. The caller has checked bulkImportApplies under the load lock and released it (the server is
 * about to stop, which would end the lock's transaction anyway). `db` is closed here: the server restarts under it.
 * Returns a fresh Db on the restarted server with the report, as loadSeedGraph would give.
 */
export async function importSeedGraph(db: Db, graph: SeedGraph, options: ImportOptions = {}): Promise<{ db: Db; report: LoadReport }> {
  const phase = options.onPhase ?? (() => {});
  const withChecksum = options.checksum ?? true;
  const checksumBefore = withChecksum ? await graphChecksum(db) : "";
  const config = db.config;
  const dir = options.dir ?? path.join(PROJECT_ROOT, ".data", "import", config.instance);
  phase("csv");
  const files = await writeImportFiles(graph, dir);
  await db.close();
  phase("import");
  try {
    runImport(config, files);
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? "").trim();
    throw new ConflictError(`neo4j-admin database import failed; nothing else was changed. ${stderr.split("\n").slice(-5).join(" ")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fresh = createDb(config);
  phase("schema");
  await applySchema(fresh);
  // After the schema: the fixups find their nodes and relationships through the id constraints' indexes.
  for (const rows of chunks(files.fixups.nodes, FIXUP_BATCH)) await fresh.write(cypher("load/set-node-lists"), { rows }, 300_000);
  for (const [type, typeRows] of files.fixups.relationships) {
    for (const rows of chunks(typeRows, FIXUP_BATCH)) await fresh.write(relationshipQuery("set-relationship-lists", type), { rows }, 300_000);
  }
  await fresh.write("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", {}, 300_000);
  const counts = await graphCounts(fresh);
  if (counts.entities !== graph.entities.size || counts.relationships !== graph.relationships.length) {
    throw new ConflictError(`neo4j-admin database import wrote ${counts.entities} entities and ${counts.relationships} relationships, not ${graph.entities.size} and ${graph.relationships.length}`);
  }
  // As the transactional loader: the neighbour ranks are written before the checksum the API's caches key on.
  await writeRanks(fresh, ranksOf(graph));
  phase("checksum");
  const checksumAfter = withChecksum ? await graphChecksum(fresh) : "";
  if (withChecksum) {
    await fresh.write(cypher("load/store-graph-meta"), { checksum: checksumAfter, loadedAt: new Date().toISOString(), entities: counts.entities, relationships: counts.relationships });
  }
  return { db: fresh, report: { changed: true, checksumBefore, checksumAfter, pruned: { entities: 0, relationships: 0 }, ...counts } };
}
