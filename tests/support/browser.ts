/**
 * Headless Debian Chromium for the end-to-end tests, driven by playwright-core: WebGL through SwiftShader (sigma
 * needs it), a fresh profile per launch, and a record of console errors, page errors and failed requests so that
 * a test can assert a clean session. Also builds the explorer (web/dist) when it is missing or older than web/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium, type BrowserContext, type Page } from "playwright-core";

import { PROJECT_ROOT } from "../../src/config.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-gpu-sandbox",
  "--no-first-run",
];
export const WEB_DIR = path.join(PROJECT_ROOT, "web");
export const WEB_DIST = path.join(WEB_DIR, "dist");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `vite build web` when web/dist is missing or older than any source file under web/. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(WEB_DIR)) return;
  execFileSync("npx", ["vite", "build", "web", "--logLevel", "warn"], { cwd: PROJECT_ROOT, stdio: "inherit" });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and failed or 5xx requests seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

/** Launches Chromium with a fresh profile and opens one page of the given size that records problems. */
export async function openBrowser(opts: { width?: number; height?: number } = {}): Promise<Session> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  const userDataDir = mkdtempSync(path.join(tmpdir(), "explorer-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    acceptDownloads: true,
    locale: "en-US",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on("console", (msg) => {
      // "Failed to load resource" names no URL in its text: its location does.
      if (msg.type() === "error")
        problems.push(`console: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ""}`);
    });
    p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    p.on("requestfailed", (req) => {
      // A download or an aborted autocomplete request is not a failure.
      const reason = req.failure()?.errorText ?? "";
      if (reason.includes("ERR_ABORTED")) return;
      problems.push(`requestfailed: ${req.url()} ${reason}`);
    });
    p.on("response", (res) => {
      if (res.status() >= 500) problems.push(`http ${res.status()}: ${res.url()}`);
    });
  };
  watch(page);
  context.on("page", watch);
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
