/**
 * The wire contract's constant lists, apart from its zod schemas (src/model/wire.ts) so that the explorer can use
 * their values without bundling zod.
 */

/** Why two regimes connect, strongest first (the API sends connections in this order). */
export const CONNECTION_KINDS = ["provision", "reference", "shared-counterpart", "enforcement", "incidental"] as const;

/** The candidates file of the ingest: its kind and the version this code reads and writes. */
export const CANDIDATES_KIND = "compliance-graph/ingest-candidates";
export const CANDIDATES_VERSION = 1;
