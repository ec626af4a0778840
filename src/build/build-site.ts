import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { checkOutputFolder, type BuildInput } from "../config/output-folder.ts";
import type { BuildOptions, SiteConfig } from "../config/site-config.ts";
import { statDocuments } from "../content/discover-documents.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { stateFolder } from "../output/build-state.ts";
import { contentDigest, readStamp, stampStillHolds, type BuildStamp } from "../output/build-stamp.ts";
import { OutputTransaction } from "../output/transaction.ts";
import type { ExclusionReason } from "../site/publish-rules.ts";
import { digest as digestOf } from "../digest.ts";
import type { Planner } from "./plan-site.ts";
import { codeDigest, sourceDigest } from "./code-digest.ts";
import { collectAssets } from "./collect-assets.ts";
import { PhaseClock } from "./phase-clock.ts";

export interface BuildPaths {
  /** Where the build keeps what it learned for the next one. */
  cacheDir: string;
  publicDir: string;
  /** Eleventy's config file, whose Nunjucks filters and globals the layouts may use. */
  eleventyConfig: string;
}

export interface BuildReport {
  ok: boolean;
  documentsRead: number;
  documentsParsed: number;
  published: number;
  excluded: Record<ExclusionReason | "invalid", number>;
  pagesPlanned: number;
  pagesWritten: number;
  pagesDeleted: number;
  fullBuild: boolean;
  /** Which planner planned the pages; none when the build stopped after `stat`, nothing having changed. */
  planner?: Planner;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  /** Documents left out by --skip-invalid. */
  skipped: string[];
  durationMs: number;
  /** Time per phase, in order, and this thread's heap in use at its end. */
  phases: { name: string; ms: number; heapMb: number }[];
}

/**
 * A build: when the documents, settings and clock leave the site as it is, stop after `stat`;
 * otherwise rebuild what changed (rebuild-site.ts).
 */
export async function buildSite(config: SiteConfig, options: BuildOptions, paths: BuildPaths): Promise<BuildReport> {
  const started = performance.now();
  checkOutputFolder(config.outDir, buildInputs(config, paths), config.contentDir);
  const clock = new PhaseClock();
  const statePath = stateFolder(paths.cacheDir, config.outDir);
  const assets = await collectAssets(config.layoutsDir, paths.publicDir);
  const sourceHash = sourceDigest();
  const siteHash = digestOf(JSON.stringify([codeDigest(paths.eleventyConfig, sourceHash), config, options.drafts, options.future, assets.digest]));

  const stampPath = `${statePath}.stamp`;
  const settingsDigest = digestOf(JSON.stringify([siteHash, options.search, options.skipInvalid]));
  const stats = statDocuments(config.contentDir);
  const digest = contentDigest(stats);
  clock.mark("stat");

  const previous = options.full ? undefined : await readStamp(stampPath);
  if (!options.full && existsSync(config.outDir) && stampStillHolds(previous, settingsDigest, digest, options.now)) {
    await new OutputTransaction(config.outDir, false).recover();
    return { ...unchangedReport(previous, stats.length, performance.now() - started), phases: clock.phases };
  }
  await rm(stampPath, { force: true });
  // Only a build with something to do loads the pipeline: parsers, Nunjucks, the planner.
  const { rebuildSite } = await import("./rebuild-site.ts");
  clock.mark("modules");
  return rebuildSite({ config, options, paths, started, clock, sourceHash, siteHash, settingsDigest, statePath, stampPath, previousStamp: previous, stats, digest, assets });
}

/** What a build reads and must never delete by replacing its output folder. */
function buildInputs(config: SiteConfig, paths: BuildPaths): BuildInput[] {
  return [
    { name: "the content folder", path: config.contentDir },
    { name: "the layouts folder", path: config.layoutsDir },
    { name: "the static files folder", path: paths.publicDir },
    { name: "the build cache", path: paths.cacheDir },
    { name: "the Eleventy config", path: paths.eleventyConfig },
    { name: "the project folder", path: process.cwd() },
  ];
}

function unchangedReport(stamp: BuildStamp, documents: number, durationMs: number): Omit<BuildReport, "phases"> {
  return {
    ok: true,
    documentsRead: documents,
    documentsParsed: 0,
    published: stamp.published,
    excluded: stamp.excluded as BuildReport["excluded"],
    pagesPlanned: stamp.pagesPlanned,
    pagesWritten: 0,
    pagesDeleted: 0,
    fullBuild: false,
    errors: [],
    warnings: [],
    skipped: stamp.skipped ?? [],
    durationMs,
  };
}
