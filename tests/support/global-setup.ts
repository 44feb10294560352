/** Starts (or reuses) the test instance of Neo4j before any test runs. */
import { ensureDatabase } from "../../src/db/ensure.js";
import { testEnv } from "./env.js";

export default function setup(): void {
  ensureDatabase(testEnv());
}
