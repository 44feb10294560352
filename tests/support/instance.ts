/**
 * A Neo4j instance of the project's own, separate from the test instance, that a test may stop and start (outages,
 * crashes) without disturbing the other suites.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

import { dbConfig, PROJECT_ROOT, type DbConfig } from "../../src/config.js";

export class TestInstance {
  constructor(
    readonly name: string,
    readonly port: number,
    readonly memory: { heap: string; pagecache: string } = { heap: "1g", pagecache: "256m" },
  ) {}

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_INSTANCE: this.name,
      NEO4J_BOLT_PORT: String(this.port),
      NEO4J_HEAP: this.memory.heap,
      NEO4J_PAGECACHE: this.memory.pagecache,
    };
    delete env.NEO4J_URI;
    return env;
  }

  private script(command: string): void {
    execFileSync("bash", [path.join(PROJECT_ROOT, "scripts", "neo4j.sh"), command], {
      env: this.env(),
      stdio: ["ignore", "pipe", "inherit"],
    });
  }

  start(): void {
    this.script("start");
  }

  stop(): void {
    this.script("stop");
  }

  /** SIGKILL, as a crash or an OOM killer would. */
  kill(): void {
    execFileSync("bash", ["-c", `kill -9 $(cat ${path.join(PROJECT_ROOT, ".neo4j", this.name, "run", "neo4j.pid")})`]);
    execFileSync("bash", ["-c", `rm -f ${path.join(PROJECT_ROOT, ".neo4j", this.name, "run", "neo4j.pid")}`]);
  }

  config(): DbConfig {
    return dbConfig(this.env());
  }
}
