/**
 * `npm run bench`: builds synthetic corpora of several sizes with the real CLI and reports, per
 * size, wall time, pages written, pages per second and peak memory; then incremental builds on
 * one size (add 10 stories, change nothing, edit one story, add 10 more three hours later) with
 * the files each one rewrote, checked against the output tree itself. Optionally a build with the search index and a CPU
 * profile. Everything it makes lives in .bench/ (outside git); results go to .bench/results.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { addDocuments, BENCH_NOW, DEFAULT_SEED, editDocument, ensureCorpus, restoreCorpus, type CorpusInfo } from "./generate-corpus.ts";
import { compareSnapshots, explainRewrites, groupPaths, linkCopy, pageKind, snapshot, type OutputChanges } from "./output-snapshot.ts";
import { combineSummaries, formatProfileSummary, summariseProfile, type CpuProfile, type ProfileSummary } from "./profile-summary.ts";
import { snapshotCode, type CodeSnapshot } from "./code-snapshot.ts";
import { hasGnuTime, PROJECT_ROOT, runBuild as runCli, type BuildRequest, type BuildRun } from "./run-build.ts";
import { Trash } from "./trash.ts";
import type { Floor } from "./measure-floors.ts";

const BENCH_DIR = join(PROJECT_ROOT, ".bench");
/** The text the "edit one" run appends to an excerpt; every page showing it must have been rewritten. */
const EDIT_MARKER = "Updated with comment from the operator.";
/** Trees the benchmark replaces wait here until the timed builds are over (trash.ts says why). */
const trash = new Trash(join(BENCH_DIR, "trash"));
/** How long the disk is left to recover after the trash of an interrupted run is deleted. */
const SETTLE_SECONDS = 60;
let code: CodeSnapshot;

/** Every build of one benchmark runs with the same frozen copy of the code. */
function runBuild(request: Omit<BuildRequest, "codeDir">): Promise<BuildRun> {
  return runCli({ ...request, codeDir: code.dir });
}

const USAGE = `Usage: npm run bench -- [options]

  --sizes LIST             corpus sizes to build from clean, e.g. 1000,10000,100000 or 1k,10k,100k (default: 1000,10000)
  --incremental-size N     size to run the incremental builds on (default: the largest; 0 to skip)
  --search-size N          also build this size with the search index (default: the middle size; 0 to skip)
  --profile-size N         also build this size under --cpu-prof and summarise the profile (default: 0, skip)
  --profile-no-change      also profile a no-change build of the incremental size
  --floors N               also measure, on the corpus of this size and its full build's output, what
                           this machine needs for the work no build can skip (bench/measure-floors.ts)
  --seed N                 corpus seed (default: ${DEFAULT_SEED})
  --workers N              worker threads for the builds (sets BROADSHEET_WORKERS; default: the build's own choice)
  --help`;

const TARGETS = {
  full: { 10_000: 5, 100_000: 45 } as Record<number, number>,
  fullRssMb: { 100_000: 1536 } as Record<number, number>,
  addSeconds: 3,
  noChangeSeconds: 2,
};

interface FullResult {
  size: number;
  corpus: CorpusInfo;
  run: Omit<BuildRun, "stdout" | "stderr">;
  pagesPerSecond?: number;
  filesInOutput: number;
}

interface IncrementalResult {
  name: string;
  run: Omit<BuildRun, "stdout" | "stderr">;
  measured: {
    rewritten: number;
    created: number;
    deleted: number;
    identical?: number;
    byKind: Record<string, number>;
    unchangedBytesByKind?: Record<string, number>;
    /** Rewritten files that existed before, by what changed in them. */
    replacedFilesDifferBy?: Record<string, number>;
  };
  /** Pages that show the edit but were not rewritten: must be none. */
  stale?: string[];
  showingEdit?: number;
  sample: { rewritten: string[]; identical: string[] };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: "string", default: "1000,10000" },
      "incremental-size": { type: "string" },
      "search-size": { type: "string" },
      "profile-size": { type: "string", default: "0" },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      workers: { type: "string" },
      "profile-no-change": { type: "boolean", default: false },
      floors: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = [...new Set(values.sizes.split(",").map(parseSize))].sort((a, b) => a - b);
  const incrementalSize = values["incremental-size"] === undefined ? sizes.at(-1)! : parseSize(values["incremental-size"]);
  const searchSize = values["search-size"] === undefined ? sizes[Math.floor(sizes.length / 2)]! : parseSize(values["search-size"]);
  const profileSize = parseSize(values["profile-size"]);
  const floorsSize = parseSize(values.floors);
  const seed = Number(values.seed);
  if (values.workers !== undefined) process.env.BROADSHEET_WORKERS = values.workers;
  mkdirSync(BENCH_DIR, { recursive: true });
  const leftover = trash.empty();
  if (leftover !== undefined) {
    console.log(`Deleted what an interrupted run left in ${rel(trash.dir)} in ${leftover.toFixed(1)} s; waiting ${SETTLE_SECONDS} s for the disk to recover.`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
  }
  code = snapshotCode(PROJECT_ROOT, join(BENCH_DIR, "code"));

  const cores = availableParallelism();
  console.log(`Broadsheet benchmark — now ${BENCH_NOW}, seed ${seed}, Node ${process.version}, ${hasGnuTime() ? "peak RSS from /usr/bin/time -v" : "peak RSS polled from /proc (install GNU time for the whole process tree)"}`);
  if (loadavg()[0]! > cores / 2) console.log(`Note: the machine is busy (load average ${loadavg()[0]!.toFixed(1)} on ${cores} cores); wall times will be inflated, CPU seconds less so.`);
  console.log(`Code: a copy of the working tree at ${code.commit}${code.uncommitted.length ? ` with ${code.uncommitted.length} uncommitted file(s): ${code.uncommitted.slice(0, 8).join(", ")}${code.uncommitted.length > 8 ? ", …" : ""}` : ""}`);
  const results: Record<string, unknown> = { now: BENCH_NOW, seed, node: process.version, cores, date: new Date().toISOString(), workers: process.env.BROADSHEET_WORKERS ?? "default", code: { commit: code.commit, uncommitted: code.uncommitted } };

  const full: FullResult[] = [];
  for (const size of sizes) full.push(await fullBuild(size, seed));
  results.full = full;
  let floors: FloorsResult | undefined;
  if (floorsSize > 0) {
    if (!full.some((f) => f.size === floorsSize)) full.push(await fullBuild(floorsSize, seed));
    results.floors = floors = measureFloors(floorsSize, full.find((f) => f.size === floorsSize)!);
  }

  let incremental: IncrementalResult[] | undefined;
  if (incrementalSize > 0) {
    if (!full.some((f) => f.size === incrementalSize)) full.push(await fullBuild(incrementalSize, seed));
    const profiles: Record<string, unknown> = {};
    incremental = await incrementalBuilds(incrementalSize, seed, values["profile-no-change"] ?? false, profiles);
    results.incremental = { size: incrementalSize, runs: incremental, ...profiles };
  }
  if (searchSize > 0) results.search = await searchBuild(searchSize, seed, full.find((f) => f.size === searchSize));
  if (profileSize > 0) results.profile = await profileBuild(profileSize, seed);

  printTables(full, incremental, incrementalSize, results.search as SearchResult | undefined);
  if (floors) printFloors(floors);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const kept = `results-${(results.date as string).replace(/[:.]/g, "-")}.json`;
  writeFileSync(join(BENCH_DIR, "results.json"), json);
  writeFileSync(join(BENCH_DIR, kept), json);
  console.log(`\nResults written to .bench/results.json (and .bench/${kept})`);
  const emptied = trash.empty();
  if (emptied !== undefined) console.log(`Deleted the outputs and copies replaced during the run in ${emptied.toFixed(1)} s, after the timed builds.`);
  return 0;
}

function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
  if (!match) throw new Error(`not a size: ${text}`);
  return Math.round(Number(match[1]) * (match[2]!.toLowerCase() === "k" ? 1_000 : match[2]!.toLowerCase() === "m" ? 1_000_000 : 1));
}

function paths(size: number, variant = "") {
  return {
    corpus: join(BENCH_DIR, `corpus-${size}`),
    out: join(BENCH_DIR, `out-${size}${variant}`),
    cache: join(BENCH_DIR, `cache-${size}${variant}`),
  };
}

/**
 * Moves an output folder, its cache, and whatever an interrupted build left beside it to the
 * trash: a replaced site whose deletion was cut short too, which the next build would otherwise
 * delete in the background while it is timed.
 */
function clean(out: string, cache: string): void {
  const hidden = `.${out.split("/").at(-1)}.`;
  const parent = join(out, "..");
  const leftovers = (existsSync(parent) ? readdirSync(parent) : []).filter((name) => name.startsWith(`${hidden}discarded-`) || name === `${hidden}staging` || name === `${hidden}backup`);
  for (const dir of [out, cache, ...leftovers.map((name) => join(parent, name))]) trash.discard(dir);
  rmSync(join(parent, `${hidden}journal.json`), { force: true });
}

function corpusFor(size: number, seed: number): CorpusInfo {
  const { corpus } = paths(size);
  process.stdout.write(`\n[${fmt(size)} documents] corpus: `);
  const info = ensureCorpus(corpus, size, seed);
  console.log(info.reused ? `reused ${rel(corpus)}` : `generated ${rel(corpus)} in ${info.seconds.toFixed(1)} s (${(info.bytes / size).toFixed(0)} bytes per document)`);
  return info;
}

async function fullBuild(size: number, seed: number): Promise<FullResult> {
  const corpus = corpusFor(size, seed);
  const p = paths(size);
  clean(p.out, p.cache);
  const run = await runBuild({ content: p.corpus, out: p.out, cacheDir: p.cache, full: true });
  failUnlessOk(run, `full build of ${size}`);
  const filesInOutput = snapshot(p.out).size;
  const pagesPerSecond = run.pagesWritten === undefined ? undefined : run.pagesWritten / run.wallSeconds;
  console.log(
    `  full build: ${run.wallSeconds.toFixed(2)} s wall (${run.reportedSeconds?.toFixed(2)} s in the build, ${run.cpuSeconds?.toFixed(2)} s CPU, load ${run.loadBefore.toFixed(1)}), ${fmt(run.pagesWritten)} pages written, ${fmt(Math.round(pagesPerSecond ?? 0))} pages/s, peak RSS ${run.peakRssMb?.toFixed(0)} MB, ${fmt(filesInOutput)} files in the output`,
  );
  if (run.phases) console.log(`              phases: ${run.phases}`);
  return { size, corpus, run: strip(run), pagesPerSecond, filesInOutput };
}

/** Three hours after BENCH_NOW, for the last incremental build. */
const LATER = new Date(Date.parse(BENCH_NOW) + 3 * 3_600_000).toISOString();

async function incrementalBuilds(size: number, seed: number, profileNoChange: boolean, profiles: Record<string, unknown>): Promise<IncrementalResult[]> {
  const p = paths(size);
  const previous = join(BENCH_DIR, `previous-out-${size}`);
  const runs: IncrementalResult[] = [];
  console.log(`\n[${fmt(size)} documents] incremental builds on the site just built:`);
  const step = async (name: string, change: () => void, check?: (changes: OutputChanges) => Partial<IncrementalResult>, now?: string) => {
    change();
    trash.discard(previous); // left by an interrupted run: deleting it here would slow the build timed next
    const linked = linkCopy(p.out, previous);
    const before = snapshot(p.out);
    const run = await runBuild({ content: p.corpus, out: p.out, cacheDir: p.cache, now });
    failUnlessOk(run, name);
    const changes = compareSnapshots(before, snapshot(p.out), p.out, linked ? previous : undefined);
    const differences = linked ? explainRewrites(changes, p.out, previous) : undefined;
    trash.discard(previous);
    const result: IncrementalResult = {
      name,
      run: strip(run),
      measured: {
        rewritten: changes.rewritten.length,
        created: changes.created.length,
        deleted: changes.deleted.length,
        identical: changes.identical?.length,
        byKind: groupPaths(changes.rewritten),
        unchangedBytesByKind: changes.identical ? groupPaths(changes.identical) : undefined,
        replacedFilesDifferBy: differences,
      },
      sample: { rewritten: changes.rewritten.slice(0, 50), identical: (changes.identical ?? []).slice(0, 50) },
      ...check?.(changes),
    };
    runs.push(result);
    const disagree = run.pagesWritten !== changes.rewritten.length || run.pagesDeleted !== changes.deleted.length;
    console.log(
      `  ${name.padEnd(11)} ${run.wallSeconds.toFixed(2)} s wall (${run.reportedSeconds?.toFixed(2)} s in the build, ${run.cpuSeconds?.toFixed(2)} s CPU, load ${run.loadBefore.toFixed(1)}); CLI: ${run.pagesWritten} written, ${run.pagesDeleted} deleted; ` +
        `measured: ${changes.rewritten.length} rewritten (${changes.created.length} new), ${changes.deleted.length} deleted` +
        (changes.identical ? `, ${changes.identical.length} rewritten with identical bytes` : "") +
        (disagree ? "  ← the CLI summary disagrees with the output tree" : "") +
        (run.fullBuild ? "  ← the CLI did a FULL build" : ""),
    );
    if (run.phases) console.log(`              phases: ${run.phases}`);
    if (run.planner) console.log(`              planner: ${run.planner}`);
    if (changes.rewritten.length > 0) console.log(`              rewritten by kind: ${kinds(result.measured.byKind)}`);
    if (changes.identical && changes.identical.length > 0) console.log(`              identical rewrites by kind: ${kinds(result.measured.unchangedBytesByKind!)}`);
    if (differences && Object.keys(differences).length > 0) console.log(`              replaced files that differ, by what differs: ${kinds(differences)}`);
    if (result.stale) console.log(`              pages showing the edit: ${result.showingEdit}; of them not rewritten (stale): ${result.stale.length}${result.stale.length ? ` e.g. ${result.stale.slice(0, 5).join(", ")}` : ""}`);
  };
  try {
    await step("add 10", () => addDocuments(p.corpus, size, 10, seed));
    await step("no change", () => {});
    await step("edit 1", () => editDocument(p.corpus, size, seed), (changes) => {
      const rewritten = new Set(changes.rewritten);
      const showing = filesContaining(p.out, EDIT_MARKER);
      return { showingEdit: showing.length, stale: showing.filter((path) => !rewritten.has(path)) };
    });
    if (profileNoChange) profiles.noChange = await profiledRun(`no-change build of ${fmt(size)} documents`, `profile-no-change-${size}`, { content: p.corpus, out: p.out, cacheDir: p.cache });
    // As a feed republishes several times a day: stories have left the news sitemap's 48 hours since.
    await step("add 10 later", () => addDocuments(p.corpus, size, 10, seed, size + 10), undefined, LATER);
  } finally {
    restoreCorpus(p.corpus, size, seed);
  }
  return runs;
}

interface SearchResult {
  size: number;
  run: Omit<BuildRun, "stdout" | "stderr">;
  searchFiles: number;
  extraSeconds?: number;
  extraCpuSeconds?: number;
  /** The same site republished with 10 new stories, search on, as a curator's builds run by default. */
  addTen?: { run: Omit<BuildRun, "stdout" | "stderr">; rewritten: number; searchRewritten: number; searchFiles: number };
  note?: string;
}

const isSearchFile = (path: string) => pageKind(path) === "search index";

async function searchBuild(size: number, seed: number, withoutSearch: FullResult | undefined): Promise<SearchResult> {
  const { corpus } = paths(size);
  corpusFor(size, seed);
  const p = paths(size, "-search");
  clean(p.out, p.cache);
  const run = await runBuild({ content: corpus, out: p.out, cacheDir: p.cache, full: true, search: true });
  const searchFiles = run.ok ? [...snapshot(p.out).keys()].filter(isSearchFile).length : 0;
  const note = !run.ok ? `the build with search failed: ${firstLines(run.stderr)}` : searchFiles === 0 ? "the build wrote no search index" : undefined;
  const extraSeconds = withoutSearch && run.ok ? run.wallSeconds - withoutSearch.run.wallSeconds : undefined;
  const extraCpuSeconds = withoutSearch?.run.cpuSeconds !== undefined && run.cpuSeconds !== undefined && run.ok ? run.cpuSeconds - withoutSearch.run.cpuSeconds : undefined;
  console.log(
    `  with search: ${run.wallSeconds.toFixed(2)} s wall, ${run.cpuSeconds?.toFixed(2)} s CPU, peak RSS ${run.peakRssMb?.toFixed(0)} MB, ${fmt(searchFiles)} search index files` +
      (extraSeconds === undefined ? "" : ` (${signed(extraSeconds)} s wall, ${extraCpuSeconds === undefined ? "?" : signed(extraCpuSeconds)} s CPU over --no-search)`) +
      (note ? ` — ${note}` : ""),
  );
  if (run.phases) console.log(`              phases: ${run.phases}`);
  let addTen: SearchResult["addTen"];
  if (run.ok) {
    try {
      addDocuments(corpus, size, 10, seed);
      const before = snapshot(p.out);
      const add = await runBuild({ content: corpus, out: p.out, cacheDir: p.cache, search: true });
      failUnlessOk(add, `add 10 with search on ${size}`);
      const after = snapshot(p.out);
      const { rewritten } = compareSnapshots(before, after, p.out);
      addTen = { run: strip(add), rewritten: rewritten.length, searchRewritten: rewritten.filter(isSearchFile).length, searchFiles: [...after.keys()].filter(isSearchFile).length };
      console.log(`  add 10 with search: ${add.wallSeconds.toFixed(2)} s wall, ${add.cpuSeconds?.toFixed(2)} s CPU, peak RSS ${add.peakRssMb?.toFixed(0)} MB; ${rewritten.length} files rewritten, ${addTen.searchRewritten} of ${fmt(addTen.searchFiles)} search index files`);
      if (add.phases) console.log(`              phases: ${add.phases}`);
    } finally {
      restoreCorpus(corpus, size, seed);
    }
  }
  clean(p.out, p.cache);
  return { size, run: strip(run), searchFiles, extraSeconds, extraCpuSeconds, addTen, note };
}

async function profileBuild(size: number, seed: number) {
  corpusFor(size, seed);
  const p = paths(size, "-prof");
  clean(p.out, p.cache);
  const profile = await profiledRun(`full build of ${fmt(size)} documents`, `profile-${size}`, { content: paths(size).corpus, out: p.out, cacheDir: p.cache, full: true });
  clean(p.out, p.cache);
  return { size, ...profile };
}

/** Runs one build under --cpu-prof (every thread gets a profile) and writes a summary to .bench/NAME.txt. */
async function profiledRun(what: string, name: string, request: Omit<BuildRequest, "codeDir" | "nodeFlags">) {
  const profDir = join(BENCH_DIR, "prof", name);
  rmSync(profDir, { recursive: true, force: true });
  // From src/ through tsx rather than the bundle, so the profile names each source file.
  const run = await runBuild({ ...request, nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profDir}`], env: { BROADSHEET_PRECOMPILED: "0" } });
  failUnlessOk(run, `profiled ${what}`);
  const files = readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile")).sort();
  const threads = files.map((file) => ({ file, summary: summariseProfile(JSON.parse(readFileSync(join(profDir, file), "utf8")) as CpuProfile) }));
  const combined = combineSummaries(threads.map((t) => t.summary));
  const text = [
    `Profiled ${what}: ${run.wallSeconds.toFixed(2)} s wall under the profiler, ${run.cpuSeconds?.toFixed(2)} s CPU; ${threads.length} thread profile(s) in ${rel(profDir)}/`,
    formatProfileSummary(combined, 25, "All threads together"),
    ...threads.map((t) => formatProfileSummary(t.summary, 15, `Thread ${t.file}`)),
  ].join("\n\n");
  const summaryFile = join(BENCH_DIR, `${name}.txt`);
  writeFileSync(summaryFile, `${text}\n`);
  console.log(`  profile of the ${what}: ${rel(summaryFile)}\n\n${formatProfileSummary(combined, 20, "CPU profile, all threads")}`);
  return { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, summaryFile: rel(summaryFile), threads: threads.map((t) => ({ file: t.file, ...trimSummary(t.summary) })) };
}

interface FloorsResult {
  size: number;
  floors: Floor[];
  /** The full build of the same size, for comparison. */
  buildWallSeconds: number;
  buildCpuSeconds?: number;
}

/**
 * Runs bench/measure-floors.ts in a process of its own, over the corpus and the output its full
 * build left; the files it writes go to the trash with the rest. It runs from the project itself,
 * as the code snapshot leaves the benchmark out, and takes the layouts and config from there.
 */
function measureFloors(size: number, build: FullResult): FloorsResult {
  const p = paths(size);
  const scratch = join(BENCH_DIR, `floors-${size}`);
  trash.discard(scratch);
  console.log(`\n[${fmt(size)} documents] floors: the work no build can skip, each part on its own`);
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/measure-floors.ts", p.corpus, p.out, scratch], { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`measuring the floors failed (exit ${child.status}):\n${firstLines(child.stderr)}`);
  trash.discard(scratch);
  const floors = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Floor[];
  return { size, floors, buildWallSeconds: build.run.wallSeconds, buildCpuSeconds: build.run.cpuSeconds };
}

function printFloors({ size, floors, buildWallSeconds, buildCpuSeconds }: FloorsResult): void {
  const target = TARGETS.full[size];
  const wall = floors.reduce((sum, f) => sum + f.wallSeconds, 0);
  const cpu = floors.reduce((sum, f) => sum + f.cpuSeconds, 0);
  console.log(`\nFloors at ${fmt(size)} documents: the work no build can skip, each part measured alone`);
  table(
    ["part", "wall s", "CPU s", "count"],
    [
      ...floors.map((f) => [f.name, f.wallSeconds.toFixed(2), f.cpuSeconds.toFixed(2), fmt(f.count)]),
      ["sum: one thread", wall.toFixed(2), cpu.toFixed(2), ""],
      ["half: two threads, split perfectly, never slowing each other", (wall / 2).toFixed(2), "", ""],
    ],
  );
  console.log(`  the full build: ${buildWallSeconds.toFixed(2)} s wall, ${buildCpuSeconds?.toFixed(2) ?? "?"} s CPU${target ? `; target ≤ ${target} s, which leaves ${(target - wall / 2).toFixed(2)} s over the two-thread floor for validating, planning, indexing and saving the state` : ""}`);
}

function trimSummary(summary: ProfileSummary) {
  return { totalMs: summary.totalMs, byPhase: summary.byPhase.slice(0, 30), byModule: summary.byModule.slice(0, 30), byFunction: summary.byFunction.slice(0, 40), projectInclusive: summary.projectInclusive.slice(0, 40) };
}

function printTables(full: FullResult[], incremental: IncrementalResult[] | undefined, incrementalSize: number, search: SearchResult | undefined): void {
  console.log("\nFull builds from a clean output (--full --no-search)");
  const sorted = [...full].sort((a, b) => a.size - b.size);
  const rows = sorted.map((f, i) => {
      const target = TARGETS.full[f.size];
      const rssTarget = TARGETS.fullRssMb[f.size];
      const verdict = [target ? `${f.run.wallSeconds <= target ? "ok" : "OVER"} (≤ ${target} s)` : "", rssTarget && f.run.peakRssMb ? `${f.run.peakRssMb <= rssTarget ? "ok" : "OVER"} (≤ ${rssTarget} MB)` : ""].filter(Boolean).join(", ");
      return [fmt(f.size), f.run.wallSeconds.toFixed(2), f.run.reportedSeconds?.toFixed(2) ?? "?", f.run.cpuSeconds?.toFixed(2) ?? "?", f.run.loadBefore.toFixed(1), fmt(f.run.pagesWritten), fmt(Math.round(f.pagesPerSecond ?? 0)), f.run.peakRssMb?.toFixed(0) ?? "?", marginalPerThousand(f, sorted[i - 1]), verdict];
    });
  table(["documents", "wall s", "build s", "CPU s", "load", "pages written", "pages/s", "peak RSS MB", "MB per extra 1k docs", "target"], rows);
  if (search) {
    const extra = search.extraSeconds === undefined ? "" : `; ${signed(search.extraSeconds)} s wall, ${search.extraCpuSeconds === undefined ? "?" : signed(search.extraCpuSeconds)} s CPU over --no-search`;
    console.log(`\nWith the search index (${fmt(search.size)} documents): ${search.run.wallSeconds.toFixed(2)} s wall, ${search.run.cpuSeconds?.toFixed(2)} s CPU, peak RSS ${search.run.peakRssMb?.toFixed(0)} MB, ${fmt(search.searchFiles)} search index files${extra}${search.note ? ` — ${search.note}` : ""}`);
    const add = search.addTen;
    if (add) console.log(`Then add 10 with search on: ${add.run.wallSeconds.toFixed(2)} s wall, ${add.run.cpuSeconds?.toFixed(2)} s CPU, peak RSS ${add.run.peakRssMb?.toFixed(0)} MB, ${add.rewritten} files rewritten (${add.searchRewritten} of the ${fmt(add.searchFiles)} search index files)`);
  }
  if (!incremental) return;
  console.log(`\nIncremental builds on ${fmt(incrementalSize)} documents (no --full)`);
  table(
    ["run", "wall s", "build s", "CPU s", "load", "written (CLI)", "deleted (CLI)", "rewritten (measured)", "same bytes", "peak RSS MB", "target"],
    incremental.map((r) => {
      const target =
        r.name.startsWith("add 10") ? `${r.run.wallSeconds <= TARGETS.addSeconds ? "ok" : "OVER"} (≤ ${TARGETS.addSeconds} s)` :
        r.name === "no change" ? `${r.run.wallSeconds <= TARGETS.noChangeSeconds && r.measured.rewritten === 0 ? "ok" : "MISSED"} (≤ ${TARGETS.noChangeSeconds} s, writes nothing)${r.run.fullBuild ? " FULL BUILD" : ""}` :
        r.stale ? `${r.stale.length === 0 ? "no stale pages" : `${r.stale.length} STALE`}` : "";
      return [r.name, r.run.wallSeconds.toFixed(2), r.run.reportedSeconds?.toFixed(2) ?? "?", r.run.cpuSeconds?.toFixed(2) ?? "?", r.run.loadBefore.toFixed(1), String(r.run.pagesWritten ?? "?"), String(r.run.pagesDeleted ?? "?"), String(r.measured.rewritten), r.measured.identical === undefined ? "?" : String(r.measured.identical), r.run.peakRssMb?.toFixed(0) ?? "?", target];
    }),
  );
}

/** Extra memory per 1,000 documents over the next smaller size: about constant means linear growth. */
function marginalPerThousand(f: FullResult, smaller: FullResult | undefined): string {
  if (!smaller || !f.run.peakRssMb || !smaller.run.peakRssMb) return "";
  return ((f.run.peakRssMb - smaller.run.peakRssMb) / ((f.size - smaller.size) / 1000)).toFixed(1);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`.trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text);
  return [...snapshot(dir).keys()].filter((path) => readFileSync(join(dir, path)).includes(needle));
}

function failUnlessOk(run: BuildRun, what: string): void {
  if (run.ok && run.pagesWritten !== undefined) return;
  throw new Error(`${what} failed (exit ${run.exitCode}):\n${firstLines(run.stderr)}\n${firstLines(run.stdout)}`);
}

function firstLines(text: string, n = 20): string {
  return text.split("\n").slice(0, n).join("\n");
}

function strip(run: BuildRun): Omit<BuildRun, "stdout" | "stderr"> {
  const { stdout: _stdout, stderr, ...rest } = run;
  return { ...rest, ...(stderr.trim() ? { stderrHead: firstLines(stderr, 5) } : {}) } as Omit<BuildRun, "stdout" | "stderr">;
}

function kinds(groups: Record<string, number>): string {
  return Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${n.toFixed(2)}`;
}

function fmt(n: number | undefined): string {
  return n === undefined ? "?" : n.toLocaleString("en-GB");
}

function rel(path: string): string {
  return path.startsWith(PROJECT_ROOT) ? path.slice(PROJECT_ROOT.length + 1) : path;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
