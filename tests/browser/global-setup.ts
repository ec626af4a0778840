import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { launchChromiumServer } from "./helpers/chromium.ts";
import { buildSampleSite } from "./helpers/sample-site.ts";
import { serveStatic } from "./helpers/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample site, built into `dir` and served at `home` (the site root). */
    site: { dir: string; origin: string; home: string };
    /** The same site built with `--path-prefix /news/`, served under /news/. */
    prefixedSite: { dir: string; origin: string; home: string };
    /** The suite's one Chromium. */
    chromiumEndpoint: string;
  }
}

/** Builds the sample site twice (at the root and under /news/), serves both, starts Chromium. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), "broadsheet-browser-"));
  const rootDir = join(work, "site");
  const prefixedDir = join(work, "site-news");
  const launching = launchChromiumServer();
  try {
    await Promise.all([buildSampleSite(rootDir), buildSampleSite(prefixedDir, { pathPrefix: "/news/" }), launching]);
  } catch (error) {
    // Leave no browser or half-built site behind.
    await (await launching.catch(() => undefined))?.close();
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const browserServer = await launching;
  const root = await serveStatic(rootDir);
  const prefixed = await serveStatic(prefixedDir, "/news/");
  project.provide("site", { dir: rootDir, origin: root.origin, home: root.home });
  project.provide("prefixedSite", { dir: prefixedDir, origin: prefixed.origin, home: prefixed.home });
  project.provide("chromiumEndpoint", browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await Promise.all([root.close(), prefixed.close()]);
    rmSync(work, { recursive: true, force: true });
  };
}
