/**
 * An independent check of what a build wrote: the stat identity of every output file before and
 * after, so the benchmark does not have to take the CLI's own summary on trust. A hard-linked
 * copy of the tree before the build keeps the old bytes, so a rewritten file can also be compared
 * with what it replaced (a rewrite with identical bytes is work an incremental build could skip).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Output path → `inode:mtime:size`. */
export type Snapshot = Map<string, string>;

export function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const stat = statSync(file, { bigint: true });
    out.set(relative(dir, file).split(sep).join("/"), `${stat.ino}:${stat.mtimeNs}:${stat.size}`);
  }
  return out;
}

export interface OutputChanges {
  /** Files that exist after the build and were created or replaced by it. */
  rewritten: string[];
  created: string[];
  deleted: string[];
  /** Rewritten files whose bytes are the same as before (only known when a hard-linked copy was kept). */
  identical?: string[];
}

export function compareSnapshots(before: Snapshot, after: Snapshot, outDir: string, previousCopy?: string): OutputChanges {
  const rewritten: string[] = [];
  const created: string[] = [];
  for (const [path, stamp] of after) {
    const old = before.get(path);
    if (old === undefined) created.push(path);
    if (old !== stamp) rewritten.push(path);
  }
  const deleted = [...before.keys()].filter((path) => !after.has(path));
  const changes: OutputChanges = { rewritten: rewritten.sort(), created: created.sort(), deleted: deleted.sort() };
  if (previousCopy) {
    changes.identical = rewritten.filter((path) => {
      const oldFile = join(previousCopy, path);
      // Same inode means written in place: the copy shares the new bytes and proves nothing.
      if (!before.has(path) || before.get(path)!.split(":")[0] === after.get(path)!.split(":")[0]) return false;
      return readFileSync(oldFile).equals(readFileSync(join(outDir, path)));
    });
  }
  return changes;
}

/**
 * Hard-links the whole tree into `copy`: fast, and the old bytes survive the build's renames.
 * `copy` must not exist: the benchmark moves an old one to its trash rather than delete it here,
 * just before a timed build (trash.ts says why).
 */
export function linkCopy(dir: string, copy: string): boolean {
  if (existsSync(copy)) throw new Error(`${copy} already exists; move it aside first.`);
  if (!existsSync(dir)) return false;
  return spawnSync("cp", ["-al", dir, copy]).status === 0;
}

/**
 * Why rewritten pages differ from what they replaced, for list pages whose change is only a
 * number: the "Page n of M" label or the "N stories" total. Such pages show nothing new.
 */
export function explainRewrites(changes: OutputChanges, outDir: string, previousCopy: string): Record<string, number> {
  const identical = new Set(changes.identical ?? []);
  const created = new Set(changes.created);
  const reasons: Record<string, number> = {};
  const numbers = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[0]).join("|");
  const LABEL = /Page \d+ of \d+/g;
  const COUNT = /\d[\d,]* stor(?:y|ies)/g;
  for (const path of changes.rewritten) {
    if (identical.has(path) || created.has(path)) continue;
    const before = readFileSync(join(previousCopy, path), "utf8");
    const after = readFileSync(join(outDir, path), "utf8");
    const strip = (text: string) => text.replace(LABEL, "").replace(COUNT, "");
    const why: string[] = [];
    if (strip(before) !== strip(after)) why.push("content");
    else {
      if (numbers(before, LABEL) !== numbers(after, LABEL)) why.push("only the 'Page n of M' label");
      if (numbers(before, COUNT) !== numbers(after, COUNT)) why.push("only the 'N stories' count");
    }
    const key = why.join(" and ");
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return reasons;
}

/** Counts paths by what kind of page they are, for a readable summary of a rewrite. */
export function groupPaths(paths: string[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const path of paths) {
    const kind = pageKind(path);
    groups[kind] = (groups[kind] ?? 0) + 1;
  }
  return groups;
}

export function pageKind(path: string): string {
  if (/^\d{4}\/\d{2}\/\d{2}\/(?!page\/)[^/]+\/index\.html$/.test(path)) return "article";
  if (/^\d{4}\//.test(path)) return "date archive";
  if (/^(topics|providers|categories|archive)\/index\.html$/.test(path)) return "directory";
  const term = /^(topics|providers|categories)\/[^/]+\/(.*)$/.exec(path);
  if (term) return `${term[1]!.replace(/ies$/, "y").replace(/s$/, "")} ${/\.(xml|json)$/.test(term[2]!) ? "feed" : "list"}`;
  if (/^(index\.html|page\/)/.test(path)) return "front page";
  if (/^(feed\.xml|atom\.xml|feed\.json)$/.test(path)) return "site feed";
  if (/sitemap/.test(path)) return "sitemap";
  if (path.startsWith("pagefind/") || path.startsWith("pagefind-archive/")) return "search index";
  if (path.startsWith("assets/")) return "asset";
  return "other";
}
