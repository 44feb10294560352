/** The real app on the test database with the seed graph loaded, for API tests (supertest, no network port). */
import type { Express } from "express";

import { createApp } from "../../src/app.js";
import type { AppOptions } from "../../src/api/deps.js";
import type { Db } from "../../src/db/driver.js";
import { loadSeedGraph } from "../../src/seed/load.js";
import { validateSeed } from "../../src/seed/validate.js";
import { testDb } from "./db.js";

export async function seededApp(options: Partial<AppOptions> = {}): Promise<{ app: Express; db: Db }> {
  const db = testDb();
  await loadSeedGraph(db, validateSeed().graph);
  return { app: createApp({ db, options }), db };
}
