import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Environment } from "nunjucks";
import type { Article } from "../content/article.ts";
import { loadWithCache, type ParseDocuments } from "../content/content-cache.ts";
import type { FileStat, FolderTime } from "../content/discover-documents.ts";
import { parseDocuments, type LoadedDocument } from "../content/load-content.ts";
import type { BuildOptions, SiteConfig } from "../config/site-config.ts";
import { readState, stageState, writeState, type BuildState } from "../output/build-state.ts";
import { writeStamp } from "../output/build-stamp.ts";
import { StagedWriter, type PageWriter } from "../output/staged-writer.ts";
import { ThreadedWriter } from "../output/threaded-writer.ts";
import { OutputTransaction } from "../output/transaction.ts";
import { createEnvironment } from "../render/environment.ts";
import { makeSiteView } from "../render/site-view.ts";
import type { PlannedPage } from "../site/plan-pages.ts";
import type { SiteView } from "../site/views.ts";
import type { BuildPaths, BuildReport } from "./build-site.ts";
import type { Assets } from "./collect-assets.ts";
import type { PhaseClock } from "./phase-clock.ts";
import { clockLimits, planSite, withoutFiles, type SitePlan } from "./plan-site.ts";
import { renderInto, takeArticle } from "./render-loop.ts";
import { transferable } from "./render-pages.ts";
import { rereadArticle } from "./reread-article.ts";
import { RenderQueue } from "./render-queue.ts";
import { inTurn, shareWork } from "./share-work.ts";
import { boundHeapGrowth } from "./heap-growth.ts";
import { WorkerPool, type RenderSetup } from "./worker-pool.ts";
import { planSearchIndexes, searchIndexFiles } from "../output/search-index.ts";
import { searchPartitions } from "../site/search-partitions.ts";
import { keptOutputs, previousBuild } from "./previous-build.ts";
import { OutputTable } from "../output/output-table.ts";
import type { BuildStamp } from "../output/build-stamp.ts";
import { SiteUrls } from "../site/site-urls.ts";
import { foldName } from "../fold-name.ts";

/**
 * PARALLEL_PARSE_THRESHOLD: documents to parse from which worker threads parse too, and then
 * render the pages of the articles they parsed. Below it, a worker rendering beside this thread
 * and the write thread slowed the build down (10,000 documents: 11.7–13.9 s against 9.3–11.4 s),
 * so workers only help parse (HANDED_BACK_PARSE_THRESHOLD).
 * THREADED_WRITES_THRESHOLD: pages to render from which this thread hands its writes to a thread
 * of their own (threaded-writer.ts). At 1,000 documents (4,458 pages) that gained nothing; at
 * 10,000 (17,119 pages), 1–2 s.
 * BROADSHEET_PARALLEL_FROM sets both, for tests of the parallel path.
 * HANDED_BACK_PARSE_THRESHOLD: documents to parse from which, below PARALLEL_PARSE_THRESHOLD,
 * workers help parse and hand the articles back (parseHandedBack). BROADSHEET_HANDED_BACK_FROM
 * sets it, for tests of that path.
 */
const PARALLEL_FROM = Number.parseInt(process.env.BROADSHEET_PARALLEL_FROM ?? "", 10);
const PARALLEL_PARSE_THRESHOLD = Number.isNaN(PARALLEL_FROM) ? 20_000 : PARALLEL_FROM;
const THREADED_WRITES_THRESHOLD = Number.isNaN(PARALLEL_FROM) ? 5_000 : PARALLEL_FROM;
const HANDED_BACK_FROM = Number.parseInt(process.env.BROADSHEET_HANDED_BACK_FROM ?? "", 10);
const HANDED_BACK_PARSE_THRESHOLD = Number.isNaN(HANDED_BACK_FROM) ? 5_000 : HANDED_BACK_FROM;
/**
 * Worker threads beside the main one, which does its share: BROADSHEET_WORKERS, else one per
 * core but one; 0 builds on one thread.
 */
const WORKERS = process.env.BROADSHEET_WORKERS ? Number.parseInt(process.env.BROADSHEET_WORKERS, 10) || 0 : Math.max(1, availableParallelism() - 1);

/** What the build learned before it knew there was work to do. */
export interface RebuildContext {
  config: SiteConfig;
  options: BuildOptions;
  paths: BuildPaths;
  started: number;
  clock: PhaseClock;
  /** Digest of src/: documents whose summaries other code cached are parsed again. */
  sourceHash: string;
  siteHash: string;
  settingsDigest: string;
  statePath: string;
  /** The previous build's state, being read since before `stat` ended. */
  stateAhead?: Promise<BuildState | undefined>;
  stampPath: string;
  /** The previous build's stamp, if it finished. */
  previousStamp?: BuildStamp;
  stats: FileStat[];
  /** Digest of the documents' paths, sizes and modification times. */
  digest: string;
  /** The content folder's folders and their times, for the stamp. */
  folders: FolderTime[];
  assets: Assets;
}

/**
 * The build proper: load what changed, validate, plan every page, render those whose content
 * changed, and publish atomically. On content errors nothing is written unless `skipInvalid`.
 */
export async function rebuildSite({ config, options, paths, started, clock, sourceHash, siteHash, settingsDigest, statePath, stateAhead, stampPath, previousStamp, stats, digest, folders, assets }: RebuildContext): Promise<BuildReport> {
  let pool: WorkerPool | undefined;
  const renderSetup = { layoutsDir: config.layoutsDir, configPath: paths.eleventyConfig };
  // A build that finds the previous state is most likely incremental: it renders few pages, and
  // loading Eleventy to render them took as long as rendering them. Workers load it on the other
  // cores while this thread reads the state and plans, then render those pages (below), and this
  // thread never loads Eleventy.
  const renderAhead = !options.full && WORKERS > 0 && existsSync(statePath);
  try {
    if (renderAhead) pool = new WorkerPool(WORKERS, { ...renderSetup, prepareAtStart: true });
    const state = options.full ? undefined : await (stateAhead ?? readState(statePath, sourceHash));
    const transaction = new OutputTransaction(config.outDir, !state || state.siteHash !== siteHash || !existsSync(config.outDir));
    if (transaction.full) boundHeapGrowth(stats.length, "loading");
    await transaction.recover();
    const trusted = transaction.full ? undefined : state;
    const parse: ParseDocuments = (dir, files, fresh) => {
      if (WORKERS > 0 && files.length >= PARALLEL_PARSE_THRESHOLD) return parseInParallel((pool ??= new WorkerPool(WORKERS, renderSetup)), dir, files, fresh);
      // Workers that render ahead are loading Eleventy meanwhile: leave them to it.
      if (WORKERS > 0 && files.length >= HANDED_BACK_PARSE_THRESHOLD && pool === undefined) return parseHandedBack(WORKERS, renderSetup, dir, files, fresh);
      return parseDocuments(dir, files, fresh);
    };
    clock.mark("state");
    const load = await loadWithCache(config.contentDir, state?.content ?? new Map(), parse, stats);
    clock.mark("load");
    if (transaction.full) boundHeapGrowth(stats.length, "after loading");
    const settings = { ...config, now: options.now };
    const rules = { drafts: options.drafts, future: options.future, now: options.now };
    let plan: SitePlan = planSite(load.summaries, rules, settings, previousBuild(trusted, previousStamp, settingsDigest, options.now, load, options.future));
    const errors = [...load.errors, ...plan.errors];
    const report: BuildReport = {
      ok: errors.length === 0,
      documentsRead: load.documentsRead,
      documentsParsed: load.documentsParsed,
      published: 0,
      excluded: { ...plan.excluded, invalid: new Set(errors.map((e) => e.file)).size },
      pagesPlanned: 0,
      pagesWritten: 0,
      pagesDeleted: 0,
      fullBuild: transaction.full,
      planner: plan.planner,
      errors,
      warnings: load.warnings,
      skipped: [],
      durationMs: 0,
      phases: clock.phases,
    };
    if (errors.length > 0) {
      if (!options.skipInvalid) return { ...report, durationMs: performance.now() - started };
      report.skipped = [...new Set(errors.map((e) => e.file))].sort();
      plan = planSite(withoutFiles(load.summaries, errors), rules, settings, { reason: "some documents are invalid" });
      report.ok = true;
    }
    clock.mark("plan");
    report.published = plan.index.articles.length;
    report.excluded = { ...plan.excluded, invalid: report.skipped.length };

    // What this build planned, with fingerprints. A delta plan holds only the pages that may have
    // changed: the others keep the fingerprints they had (keptOutputs).
    const planned = new Map<string, string>();
    for (const file of assets.files) planned.set(file.outputPath, file.fingerprint);
    // Hosts differ in case sensitivity and Unicode normalisation: compare paths as the strictest does.
    const claimed = new Map(assets.files.map((file) => [foldName(file.outputPath), file.outputPath]));
    const collision = (path: string, other: string) => new Error(`Two pages claim ${path} and ${other}; this is a bug in Broadsheet's page planning.`);
    for (const page of plan.pages) {
      const folded = foldName(page.outputPath);
      const other = claimed.get(folded);
      if (other !== undefined) throw collision(page.outputPath, other);
      claimed.set(folded, page.outputPath);
      planned.set(page.outputPath, page.fingerprint);
    }
    const searchIndexes = options.search ? planSearchIndexes(searchPartitions(plan.index), new SiteUrls(config.baseUrl, config.pathPrefix), config.language) : [];
    for (const search of searchIndexes) planned.set(search.folder, search.digest);

    const { outputs, changed, deleted } = compareOutputs(trusted?.outputs, planned, plan.planner.name === "delta");
    if (outputs instanceof OutputTable) {
      // The pages a delta plan kept were told apart from each other when they were planned; not yet from these.
      outputs.forEach((path) => {
        const other = planned.has(path) ? undefined : claimed.get(foldName(path));
        if (other !== undefined) throw collision(other, path);
      });
    }
    const changedAssets = assets.files.filter((file) => changed(file.outputPath));
    const changedPages = plan.pages.filter((page) => changed(page.outputPath));
    const changedSearch = searchIndexes.filter((search) => changed(search.folder));
    const rewritten = [...[...changedAssets, ...changedPages].map((p) => p.outputPath), ...changedSearch.map((search) => search.folder)];

    clock.mark("compare");
    await transaction.begin();
    const nextState = { sourceHash, siteHash, content: load.cache, changed: load.gone === 0 ? load.parsed : undefined, outputs, terms: plan.terms };
    // An incremental build's workers render while this thread waits: it writes the state meanwhile.
    // In a full build this thread renders too, and writing every shard would only slow it down.
    const stagedState = transaction.full ? undefined : stageState(statePath, nextState, state);
    stagedState?.catch(() => {}); // awaited below, after a render error too
    const discardState = async () => stagedState?.then((staged) => staged.discard(), () => {});
    // Writes go to a thread of their own in a big build (threaded-writer.ts says why), unless the build must keep to one thread.
    const writer: PageWriter = changedPages.length >= THREADED_WRITES_THRESHOLD && WORKERS > 0 ? new ThreadedWriter(transaction.staging) : new StagedWriter(transaction.staging);
    try {
      for (const file of changedAssets) writer.write(file.outputPath, file.content);
      // Pagefind runs in its own process, alongside the rendering below.
      const searchFiles = changedSearch.length > 0 ? searchIndexFiles(changedSearch) : undefined;
      searchFiles?.catch(() => {}); // awaited below; a render error first must not leave it unhandled
      const site = makeSiteView(config, { css: config.pathPrefix + assets.cssPath });
      const job = { site, writer, config, paths, fresh: load.fresh };
      // Every thread renders the article pages of the articles it holds, then whatever is left;
      // workers that render ahead of a small build render everything, reading again the few
      // articles this thread parsed. No worker starts only to render: beside this thread and the
      // write thread, one slowed a 10,000-document build down (11.7–13.9 s against 9.3–11.4 s).
      const workers = pool;
      const workersOnly = renderAhead && changedPages.length < RENDER_AHEAD_LIMIT;
      let spread = 0;
      const holder = (file: string) => {
        const worker = workers?.holder(file);
        if (worker !== undefined) return worker + 1;
        if (workersOnly) return 1 + (spread++ % workers!.size);
        return load.fresh.has(file) ? 0 : undefined;
      };
      const queue = new RenderQueue(changedPages, (workers?.size ?? 0) + 1, holder);
      const renderJob = { contentDir: config.contentDir, staging: transaction.staging, site };
      await shareWork(
        queue.batches((thread) => (thread === 0 ? (workersOnly ? 0 : BATCH_HERE) : BATCH_TO_WORKER)),
        workers?.size ?? 0,
        // A list's view is composed only now, as its batch is sent: the views of a big site never all exist at once.
        (w, pages) => workers!.render(w, renderJob, pages.map(transferable)),
        renderHere(job),
      );
      for (const [i, bundle] of ((await searchFiles) ?? []).entries()) {
        for (const file of bundle) writer.write(`${changedSearch[i]!.folder}/${file.path}`, file.content);
      }
      await writer.settled();
    } catch (error) {
      await writer.stop();
      await transaction.abort();
      await discardState();
      throw error;
    }
    clock.mark("render");
    // A commit that fails is rolled back to the previous site (by the next build, if need be): the previous state must stay too.
    await transaction.commit(rewritten, deleted).catch(async (error: unknown) => {
      await discardState();
      throw error;
    });
    clock.mark("commit");
    const pagesPlanned = outputs.size;
    if (stagedState) await (await stagedState).publish();
    else await writeState(statePath, nextState, state);
    await writeStamp(stampPath, {
      settingsDigest,
      contentDigest: digest,
      now: options.now,
      ...clockLimits(load.summaries, options.now),
      published: report.published,
      excluded: report.excluded,
      pagesPlanned,
      skipped: report.skipped,
      folders,
    });

    clock.mark("save state");
    return {
      ...report,
      pagesPlanned,
      pagesWritten: rewritten.length,
      pagesDeleted: deleted.length,
      durationMs: performance.now() - started,
    };
  } finally {
    await pool?.close();
  }
}

/**
 * This build's outputs with their fingerprints, the planned ones whose fingerprint changed since
 * the previous build, and the previous build's outputs that are gone. After a delta plan the
 * outputs are a table, keeping the fingerprints of those it did not plan (keptOutputs); after a
 * full plan they are what it planned, made a table as the state is written.
 */
function compareOutputs(before: OutputTable | undefined, planned: ReadonlyMap<string, string>, delta: boolean): { outputs: OutputTable | ReadonlyMap<string, string>; changed: (path: string) => boolean; deleted: string[] } {
  if (before === undefined) return { outputs: planned, changed: () => true, deleted: [] };
  if (delta) {
    const { table, removed } = keptOutputs(before, planned);
    const changed = before.changedIn(planned);
    return { outputs: table, changed: (path) => changed.has(path), deleted: removed };
  }
  // Every output was planned: one walk through the previous ones finds those unchanged and those gone.
  const changed = new Set(planned.keys());
  const deleted: string[] = [];
  before.forEach((path, fingerprint) => {
    const now = planned.get(path);
    if (now === undefined) deleted.push(path);
    else if (now === fingerprint) changed.delete(path);
  });
  return { outputs: planned, changed: (path) => changed.has(path), deleted };
}

/** Parses documents here and on workers that keep the articles, to render their pages later (share-work.ts). */
function parseInParallel(pool: WorkerPool, dir: string, files: FileStat[], fresh: Map<string, Article>) {
  return parseSharing(pool.size, dir, files, fresh, (w, batch) => pool.load(w, dir, batch));
}

/**
 * Parses documents here and on workers that hand the articles back, then closes them: this
 * thread renders every page beside the write thread, and no worker loads Eleventy. The second
 * core is otherwise idle until the pages are written; 10,000 documents load in 1.2–1.3 s
 * instead of 1.6–1.8 s.
 */
async function parseHandedBack(workers: number, setup: RenderSetup, dir: string, files: FileStat[], fresh: Map<string, Article>) {
  const helpers = new WorkerPool(workers, setup);
  try {
    return await parseSharing(helpers.size, dir, files, fresh, async (w, batch) => {
      const { documents, articles } = await helpers.parse(w, dir, batch);
      for (const article of articles) fresh.set(article.sourcePath, article);
      return documents;
    });
  } finally {
    await helpers.close();
  }
}

/** Documents per batch when parsing on several threads. */
const PARSE_BATCH = 200;

/** Parses batches of documents here and on `workers` others, in the documents' order. */
async function parseSharing(workers: number, dir: string, files: FileStat[], fresh: Map<string, Article>, onWorker: (w: number, batch: FileStat[]) => Promise<LoadedDocument[]>) {
  const results: LoadedDocument[][] = [];
  await shareWork(
    inTurn(files, PARSE_BATCH),
    workers,
    async (w, batch) => {
      results[batch.index] = await onWorker(w, batch.items);
    },
    (batch) => {
      results[batch.index] = parseDocuments(dir, batch.items, fresh);
    },
  );
  return results.flat();
}

interface ThreadJob {
  site: SiteView;
  writer: PageWriter;
  config: SiteConfig;
  paths: BuildPaths;
  fresh: Map<string, Article>;
}

/** Below this many pages to render, workers that loaded Eleventy ahead render them all, reading again the articles this thread parsed. */
const RENDER_AHEAD_LIMIT = 2_000;

/** Pages this thread takes from the queue at a time; it yields to the event loop between batches. */
const BATCH_HERE = 100;
/** Pages per message to a worker: enough to keep messaging cheap, few enough to bound memory. */
const BATCH_TO_WORKER = 250;

/** Renders batches of pages on this thread, loading Eleventy's setup with the first: a build with nothing to render never loads it. */
function renderHere(job: ThreadJob): (pages: PlannedPage[]) => Promise<void> {
  let environment: Promise<Environment> | undefined;
  const article = (sourcePath: string) => takeArticle(job.fresh, sourcePath) ?? rereadArticle(job.config.contentDir, sourcePath);
  return async (pages) => {
    environment ??= import("../render/eleventy-registrations.ts").then(async ({ loadEleventyRegistrations }) =>
      createEnvironment(job.config.layoutsDir, await loadEleventyRegistrations(job.paths.eleventyConfig)),
    );
    await renderInto(job.writer, await environment, pages, job.site, article);
  };
}
