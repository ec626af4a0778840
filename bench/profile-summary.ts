/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) and says where the time went: self time by
 * function, by module (npm package or project file), by phase of the build, and inclusive time
 * of the project's own functions. Run alone: `node --import tsx bench/profile-summary.ts FILE`.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** tsx loads each module once per thread under a query string; the file is what matters. */
function withoutQuery(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Sampled time minus (idle): what the percentages are of. */
  busyMs: number;
  byPhase: Row[];
  byModule: Row[];
  byFunction: Row[];
  /** Project (src/) functions with the time spent in them and everything they called. */
  projectInclusive: Row[];
}

/**
 * Phases, tried from the sampled frame up its stack; the first frame that matches decides. Native
 * frames (no URL) have no rule of their own, so JSON.parse inside state reading counts as state.
 */
const PHASE_RULES: [RegExp, string][] = [
  [/node_modules\/js-yaml\//, "YAML parse (js-yaml)"],
  [/node_modules\/gray-matter\/|node_modules\/section-matter\//, "front matter split (gray-matter)"],
  [/node_modules\/(sanitize-html|htmlparser2|domhandler|domutils|dom-serializer|postcss|parse-srcset|nanoid)\//, "HTML sanitising (sanitize-html)"],
  [/node_modules\/(markdown-it|linkify-it|mdurl|uc\.micro|punycode\.js)\//, "Markdown (markdown-it)"],
  [/node_modules\/nunjucks\/|src\/render\//, "Nunjucks rendering (+ filters)"],
  [/node_modules\/luxon\//, "dates (luxon)"],
  [/node_modules\/slugify\//, "slugs (slugify)"],
  [/node_modules\/(@11ty|liquidjs|markdown-it-|@sindresorhus|chokidar|fast-glob|micromatch|posthtml|morphdom|ws|tinyglobby|js-yaml-|kleur|iso-639-1|bcp-47|dependency-graph|filesize|minimist|node-retrieve-globals|acorn|esm-import-transformer)/, "Eleventy config load"],
  [/node_modules\/pagefind\//, "search index (pagefind)"],
  [/node_modules\/(tsx|esbuild|get-tsconfig)\//, "TypeScript loading (tsx)"],
  [/src\/content\/(read-document|load-content)\.ts/, "document reading + revision hash"],
  [/src\/content\/(validate-article|fields|safe-url|term-key|article)\.ts/, "validation"],
  [/src\/content\/content-cache\.ts/, "content cache (stat, reuse)"],
  [/src\/content\/html\.ts/, "HTML sanitising (sanitize-html)"],
  [/src\/output\/build-state\.ts/, "build state read/write (JSON)"],
  [/src\/output\/(transaction|staged-writer)\.ts/, "output writes (staging, commit)"],
  [/src\/build\/(build-worker|worker-pool|worker-entry)\./, "worker threads (messages, dispatch)"],
  [/src\/output\/search-index\.ts/, "search index (pagefind)"],
  [/src\/build\/render-pages\.ts|src\/site\/compose-article\.ts/, "Nunjucks rendering (+ filters)"],
  [/src\/site\/plan-pages\.ts|src\/site\/compose-lists\.ts|src\/site\/sitemaps\.ts|src\/site\/paginate\.ts|src\/site\/article-context\.ts|src\/build\/plan-site\.ts/, "planning + fingerprints"],
  [/src\/site\//, "site index (terms, slugs, archives)"],
  [/src\/build\/collect-assets\.ts/, "assets"],
  [/src\/build\/build-site\.ts/, "build orchestration"],
  [/node:internal\/crypto|node:crypto/, "hashing (crypto)"],
  [/node:internal\/fs|node:fs/, "file system (node:fs)"],
  [/node:internal\/worker/, "worker threads (messages, dispatch)"],
  [/node:internal\/modules|node:internal\/vm|node:internal\/process\/esm_loader/, "module loading"],
];

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, { ...node, callFrame: { ...node.callFrame, url: withoutQuery(node.callFrame.url) } }]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  // A sample's time is the gap to the next sample (Chrome DevTools does the same).
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + delta);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  let idleUs = 0;

  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byPhase = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.url === "" && frame.functionName === "(idle)") idleUs += us;
    add(byFunction, functionLabel(frame), us);
    add(byModule, moduleLabel(frame), us);
    add(byPhase, phaseOf(id, byId, parent), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!/\/src\//.test(f.url) || f.url.includes("node_modules")) continue;
      const label = functionLabel(f);
      if (!seen.has(label)) {
        seen.add(label);
        add(inclusive, label, us);
      }
    }
  }
  const busyUs = totalUs - idleUs;
  const rows = (map: Map<string, number>): Row[] =>
    [...map].filter(([name]) => !name.startsWith("(idle)")).map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / busyUs })).sort((a, b) => b.ms - a.ms);
  return { totalMs: totalUs / 1000, busyMs: busyUs / 1000, byPhase: rows(byPhase), byModule: rows(byModule), byFunction: rows(byFunction), projectInclusive: rows(inclusive) };
}

function phaseOf(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const leaf = byId.get(id)!.callFrame;
  if (leaf.url === "" && /^\((garbage collector|idle|program)\)$/.test(leaf.functionName)) return leaf.functionName;
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const url = byId.get(at)!.callFrame.url;
    if (url === "") continue;
    for (const [pattern, phase] of PHASE_RULES) if (pattern.test(url)) return phase;
  }
  const first = firstUrl(id, byId, parent);
  return first ? `other (${moduleLabel({ functionName: "", url: first, lineNumber: 0 })})` : `other native (${leaf.functionName || "anonymous"})`;
}

function firstUrl(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string | undefined {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const url = byId.get(at)!.callFrame.url;
    if (url !== "") return url;
  }
  return undefined;
}

function functionLabel(frame: CallFrame): string {
  const name = frame.functionName || "(anonymous)";
  if (frame.url === "") return `${name} [native]`;
  // tsx's transpiled project files do not keep line numbers; the function name says enough.
  if (/\/src\//.test(frame.url) && !frame.url.includes("node_modules")) return `${name} ${shortUrl(frame.url)}`;
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/** The npm package, the project file, or the Node internal area a frame belongs to. */
function moduleLabel(frame: CallFrame): string {
  if (frame.url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native: V8 built-ins, JSON, RegExp…)";
  // The precompiled bundle (scripts/precompiled.js) is the project's code, not a package's;
  // profile with BROADSHEET_PRECOMPILED=0 to see its source files.
  if (frame.url.includes("/.cache/broadsheet/bundle-")) return "Broadsheet (precompiled bundle)";
  const packages = frame.url.split("node_modules/");
  if (packages.length > 1) {
    const rest = packages[packages.length - 1]!.split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (frame.url.startsWith("node:")) return frame.url.split("/").slice(0, 3).join("/");
  return shortUrl(frame.url);
}

function shortUrl(url: string): string {
  const src = url.indexOf("/src/");
  if (src !== -1 && !url.includes("node_modules")) return url.slice(src + 1);
  const nm = url.lastIndexOf("node_modules/");
  if (nm !== -1) return url.slice(nm + "node_modules/".length);
  return url.replace(/^file:\/\//, "");
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

/** Adds up the summaries of several threads (main thread, workers) into one. */
export function combineSummaries(summaries: ProfileSummary[]): ProfileSummary {
  const merge = (pick: (s: ProfileSummary) => Row[]): Row[] => {
    const totals = new Map<string, number>();
    for (const summary of summaries) for (const row of pick(summary)) add(totals, row.name, row.ms);
    const total = summaries.reduce((sum, s) => sum + s.busyMs, 0);
    return [...totals].map(([name, ms]) => ({ name, ms, percent: (100 * ms) / total })).sort((a, b) => b.ms - a.ms);
  };
  return {
    totalMs: summaries.reduce((sum, s) => sum + s.totalMs, 0),
    busyMs: summaries.reduce((sum, s) => sum + s.busyMs, 0),
    byPhase: merge((s) => s.byPhase),
    byModule: merge((s) => s.byModule),
    byFunction: merge((s) => s.byFunction),
    projectInclusive: merge((s) => s.projectInclusive),
  };
}

export function formatProfileSummary(summary: ProfileSummary, top = 20, title = "CPU profile"): string {
  const table = (title: string, rows: Row[], n: number) =>
    [`${title}`, ...rows.slice(0, n).map((r) => `  ${r.ms.toFixed(0).padStart(7)} ms ${r.percent.toFixed(1).padStart(5)} %  ${r.name}`)].join("\n");
  return [
    `${title}: ${(summary.totalMs / 1000).toFixed(2)} s sampled, ${(summary.busyMs / 1000).toFixed(2)} s of it busy (percentages are of busy time)`,
    table("Self time by phase:", summary.byPhase, 30),
    table("Self time by module:", summary.byModule, top),
    table("Self time by function:", summary.byFunction, top),
    table("Inclusive time of project functions:", summary.projectInclusive, top),
  ].join("\n\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [MORE.cpuprofile…]");
    process.exit(2);
  }
  const summaries = files.map((file) => summariseProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile));
  console.log(formatProfileSummary(summaries.length === 1 ? summaries[0]! : combineSummaries(summaries), 20, files.length === 1 ? "CPU profile" : `CPU profiles of ${files.length} threads`));
}
