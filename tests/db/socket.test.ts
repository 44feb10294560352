/**
 * The driver's connections to Neo4j send at once (TCP_NODELAY). neo4j-driver 5 leaves Nagle's algorithm on, and a
 * Bolt message longer than its 1,400-byte chunk (a long query, a list of a few hundred ids) then waited for the
 * server's delayed acknowledgement: about 40 ms per such statement, most of a neighbourhood's time. The fix is a
 * one-line patch of the driver (patches/, applied by patch-package on every install); this test fails when the
 * patch is not applied.
 */
import net from "node:net";

import { afterEach, describe, expect, it, vi } from "vitest";

import { createDb } from "../../src/db/driver.js";
import { testConfig } from "../support/db.js";

afterEach(() => vi.restoreAllMocks());

describe("connections to the database", () => {
  it("turn Nagle's algorithm off, so that a long statement is not held back for 40 ms", async () => {
    const noDelay = vi.spyOn(net.Socket.prototype, "setNoDelay");
    // A fresh driver: its first statement opens a new connection.
    const db = createDb(testConfig());
    try {
      const ids = Array.from({ length: 300 }, (_, i) => `company:nagle-${i}`);
      expect(await db.read("UNWIND $ids AS id RETURN count(id) AS n", { ids })).toEqual([{ n: 300 }]);
    } finally {
      await db.close();
    }
    expect(noDelay).toHaveBeenCalledWith(true);
  });
});
