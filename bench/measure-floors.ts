/**
 * What this machine needs for the work no build of a corpus can skip, each part measured on its
 * own with as little code as it takes: starting Node, listing and `stat`ing the documents, reading
 * them, parsing their YAML, loading Eleventy with the project's configuration, rendering every
 * page with the project's layouts, and writing the output's files. Their sum is a floor for one
 * thread; half of it the floor for two, were the work split perfectly and the threads never
 * slowed each other. `npm run bench -- --floors N` runs it as a process of its own:
 *
 *   node --import tsx bench/measure-floors.ts CORPUS BUILT_OUTPUT SCRATCH_DIR
 *
 * which prints the `Floor`s as JSON on its last line. The output's files are written again under
 * SCRATCH_DIR, which must not exist yet.
 */
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { planSite } from "../src/build/plan-site.ts";
import { resolveConfig, readConfigFile } from "../src/config/site-config.ts";
import { parseDocuments } from "../src/content/load-content.ts";
import type { Article } from "../src/content/article.ts";
import { DOCUMENT_EXTENSIONS } from "../src/content/discover-documents.ts";
import { loadEleventyRegistrations } from "../src/render/eleventy-registrations.ts";
import { createEnvironment } from "../src/render/environment.ts";
import { makeSiteView } from "../src/render/site-view.ts";
import { viewOf } from "../src/build/render-pages.ts";
import { BENCH_NOW } from "./generate-corpus.ts";
import { PROJECT_ROOT } from "./run-build.ts";

export interface Floor {
  name: string;
  wallSeconds: number;
  cpuSeconds: number;
  /** How many things it did: documents, pages, files. */
  count: number;
}

/** Times `work` in wall and CPU seconds. */
function timed<T>(work: () => T): { result: T; wallSeconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, wallSeconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Files under `dir`, relative, with their sizes: a bare recursive walk with one `lstat` each. */
function walk(dir: string): { file: string; size: number }[] {
  const found: { file: string; size: number }[] = [];
  const visit = (folder: string, relative: string) => {
    for (const name of readdirSync(folder)) {
      const stat = lstatSync(`${folder}/${name}`);
      if (stat.isDirectory()) visit(`${folder}/${name}`, `${relative}${name}/`);
      else found.push({ file: relative + name, size: stat.size });
    }
  };
  visit(dir, "");
  return found;
}

/**
 * The cheapest of three runs of a module in a new process (Node's own start, or Eleventy's), with
 * the CPU time the process reports itself when it ends: no GNU time needed.
 */
function bestOfThree(source: string): { wallSeconds: number; cpuSeconds: number } {
  const script = `${source}\nconst used = process.cpuUsage(); console.log(JSON.stringify((used.user + used.system) / 1e6));`;
  let best = { wallSeconds: Infinity, cpuSeconds: Infinity };
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ELEVENTY_SKIP_ESM_RESOLVER: "1" } });
    const wallSeconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`measuring a new process failed: ${child.stderr}`);
    if (wallSeconds < best.wallSeconds) best = { wallSeconds, cpuSeconds: Number(child.stdout.trim().split("\n").at(-1)) };
  }
  return best;
}

const ELEVENTY_LOAD = `
import Eleventy from "@11ty/eleventy";
const eleventy = new Eleventy(undefined, undefined, { configPath: ".eleventy.js", quietMode: true });
await eleventy.initializeConfig();`;

/** The floors of building `corpus`, whose full build is `builtOutput`; its files are written again under `scratch`. */
export async function measureFloors(corpus: string, builtOutput: string, scratch: string): Promise<Floor[]> {
  const floors: Floor[] = [];
  const node = bestOfThree("");
  floors.push({ name: "start Node", ...node, count: 1 });

  const listed = timed(() => walk(corpus).filter(({ file }) => DOCUMENT_EXTENSIONS.some((ext) => file.endsWith(ext))));
  floors.push({ name: "list and stat the documents", wallSeconds: listed.wallSeconds, cpuSeconds: listed.cpuSeconds, count: listed.result.length });
  const read = timed(() => listed.result.map(({ file }) => readFileSync(join(corpus, file), "utf8")));
  floors.push({ name: "read the documents", wallSeconds: read.wallSeconds, cpuSeconds: read.cpuSeconds, count: read.result.length });
  const parsed = timed(() => read.result.map((text) => yaml.load(text.slice(3, text.indexOf("\n---", 3)), { schema: yaml.CORE_SCHEMA })));
  floors.push({ name: "parse their YAML (js-yaml alone)", wallSeconds: parsed.wallSeconds, cpuSeconds: parsed.cpuSeconds, count: parsed.result.length });

  // Eleventy is loaded in a process of its own, as a build's thread loads it, so its modules are new to V8.
  const eleventy = bestOfThree(ELEVENTY_LOAD);
  floors.push({ name: "load Eleventy and .eleventy.js", wallSeconds: eleventy.wallSeconds - node.wallSeconds, cpuSeconds: eleventy.cpuSeconds - node.cpuSeconds, count: 1 });

  floors.push(await renderFloor(corpus, listed.result));

  const files = walk(builtOutput);
  const largest = files.reduce((max, { size }) => Math.max(max, size), 0);
  const bytes = Buffer.alloc(largest, "x");
  const written = timed(() => {
    const made = new Set<string>();
    const ensure = (dir: string): void => {
      if (made.has(dir)) return;
      const parent = dir.slice(0, dir.lastIndexOf("/"));
      if (parent.length > scratch.length) ensure(parent);
      mkdirSync(dir, { recursive: parent.length <= scratch.length });
      made.add(dir);
    };
    for (const { file, size } of files) {
      const target = join(scratch, file);
      ensure(target.slice(0, target.lastIndexOf("/")));
      writeFileSync(target, bytes.subarray(0, size));
    }
  });
  floors.push({ name: "write the output's files (folders included)", wallSeconds: written.wallSeconds, cpuSeconds: written.cpuSeconds, count: files.length });
  return floors;
}

/**
 * Renders every page of the site with the project's layouts and Eleventy's Nunjucks setup, timing
 * `render` alone: the views are composed beforehand, a batch at a time to bound memory. The first
 * pass is timed, as a build has only one.
 */
async function renderFloor(corpus: string, documents: { file: string; size: number }[]): Promise<Floor> {
  const config = resolveConfig(await readConfigFile(join(PROJECT_ROOT, "broadsheet.config.json")));
  const articles = new Map<string, Article>();
  const loaded = parseDocuments(corpus, documents.map(({ file, size }) => ({ file, size, mtimeMs: 0 })), articles);
  const summaries = loaded.flatMap((document) => (document.summary ? [document.summary] : []));
  const plan = planSite(summaries, { drafts: false, future: false, now: BENCH_NOW }, { ...config, now: BENCH_NOW });
  const env = createEnvironment(join(PROJECT_ROOT, config.layoutsDir), await loadEleventyRegistrations(join(PROJECT_ROOT, ".eleventy.js")));
  const site = makeSiteView(config, { css: `${config.pathPrefix}assets/site.css` });
  let wallSeconds = 0;
  let cpuSeconds = 0;
  let count = 0;
  const BATCH = 2_000;
  for (let start = 0; start < plan.pages.length; start += BATCH) {
    const batch = plan.pages.slice(start, start + BATCH).map((page) => ({ layout: page.layout, view: viewOf(page, site, (path) => articles.get(path)!) }));
    const rendered = timed(() => batch.map(({ layout, view }) => env.render(layout, { site, view }).length));
    wallSeconds += rendered.wallSeconds;
    cpuSeconds += rendered.cpuSeconds;
    count += rendered.result.length;
  }
  return { name: "render every page (Nunjucks, the project's layouts)", wallSeconds, cpuSeconds, count };
}

if (process.argv[1] === import.meta.filename) {
  const [corpus, builtOutput, scratch] = process.argv.slice(2);
  if (!corpus || !builtOutput || !scratch) throw new Error("usage: measure-floors.ts CORPUS BUILT_OUTPUT SCRATCH_DIR");
  console.log(JSON.stringify(await measureFloors(corpus, builtOutput, scratch)));
}
