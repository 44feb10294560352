/**
 * The server's logger (pino): human lines on a terminal (pino-pretty, in pino's worker-thread transport so that
 * formatting never blocks a request), one JSON object a line otherwise (a file, a pipe, a log collector) or when
 * LOG_FORMAT=json. src/config.ts decides which (serverConfig).
 */
import { pino, type Logger } from "pino";

import type { ServerConfig } from "./config.js";

export function createLogger({ logLevel, logFormat }: Pick<ServerConfig, "logLevel" | "logFormat">): Logger {
  if (logFormat === "json") return pino({ level: logLevel });
  return pino(
    { level: logLevel },
    pino.transport({
      target: "pino-pretty",
      options: { colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" },
    }),
  );
}
