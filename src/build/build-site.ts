import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { checkOutputFolder, type BuildInput } from "../config/output-folder.ts";
import type { BuildOptions, SiteConfig } from "../config/site-config.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { foldersChanged } from "../content/discover-documents.ts";
import { readState, stateFolder, type BuildState } from "../output/build-state.ts";
import { readStamp, stampStillHolds, writeStamp, type BuildStamp } from "../output/build-stamp.ts";
import { OutputTransaction } from "../output/transaction.ts";
import type { ExclusionReason } from "../site/publish-rules.ts";
import { digest as digestOf } from "../digest.ts";
import type { Planner } from "./plan-site.ts";
import { codeDigest, sourceDigest } from "./code-digest.ts";
import { collectAssets } from "./collect-assets.ts";
import { PhaseClock } from "./phase-clock.ts";
import { statHere, statOnWorker } from "./stat-ahead.ts";

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
  const previous = options.full ? undefined : await readStamp(stampPath);
  // A changed folder means documents were most likely added: read the state while another thread stats them.
  const readAhead = previous !== undefined && documentsIn(previous) >= STAT_AHEAD_FROM && (previous.folders === undefined || foldersChanged(config.contentDir, previous.folders));
  const ahead = readAhead ? readStateAhead(statePath, sourceHash) : undefined;
  // A stat that fails (the content folder is gone) is reported at once, not after the state is read.
  const stopReading = (error: unknown) => {
    ahead?.stop();
    throw error;
  };
  const { stats, digest, folders } = ahead ? await statOnWorker(config.contentDir).catch(stopReading) : statHere(config.contentDir);
  clock.mark("stat");

  if (!options.full && existsSync(config.outDir) && stampStillHolds(previous, settingsDigest, digest, options.now)) {
    ahead?.stop();
    await new OutputTransaction(config.outDir, false).recover();
    // Files added and removed again leave the documents as they were, but not their folders' times.
    if (JSON.stringify(folders) !== JSON.stringify(previous.folders)) await writeStamp(stampPath, { ...previous, folders });
    return { ...unchangedReport(previous, stats.length, performance.now() - started), phases: clock.phases };
  }
  await rm(stampPath, { force: true });
  // Only a build with something to do loads the pipeline: parsers, Nunjucks, the planner.
  const { rebuildSite } = await import("./rebuild-site.ts");
  clock.mark("modules");
  return rebuildSite({ config, options, paths, started, clock, sourceHash, siteHash, settingsDigest, statePath, stateAhead: ahead?.state, stampPath, previousStamp: previous, stats, digest, folders, assets });
}

/**
 * Documents (as the previous build counted them) from which a build whose content folders
 * changed (documents were most likely added) stats them on a thread of its own and reads the
 * previous build's state meanwhile, which a build with something to do needs next. At 100,000
 * documents adding 10 took 0.15 s less; a build with nothing to do, reading the state while the
 * other thread statted, took 0.72–0.80 s instead of 0.47 s, hence the folders' check. For a small
 * site, starting the thread takes longer than the stat. BROADSHEET_STAT_AHEAD_FROM sets it, for tests.
 */
const STAT_AHEAD = Number.parseInt(process.env.BROADSHEET_STAT_AHEAD_FROM ?? "", 10);
const STAT_AHEAD_FROM = Number.isNaN(STAT_AHEAD) ? 20_000 : STAT_AHEAD;

function documentsIn(stamp: BuildStamp): number {
  return Object.values(stamp.excluded).reduce((sum, n) => sum + n, stamp.published);
}

/** The previous build's state, read between the other things this thread does until `stop` says the build has nothing to do. */
function readStateAhead(statePath: string, sourceHash: string): { state: Promise<BuildState | undefined>; stop: () => void } {
  let wanted = true;
  const state = readState(statePath, sourceHash, () => new Promise((resolve) => setImmediate(() => resolve(wanted))));
  return { state, stop: () => (wanted = false) };
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
