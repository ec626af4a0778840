import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import type { FileStat, FolderTime } from "../content/discover-documents.ts";

/**
 * A small record of the last successful build, read before anything else: when the documents,
 * the site and the flags are all as they were, and no story has since become due or left the
 * news sitemap's window, the site on disk is already right and the build can stop at once.
 */
export interface BuildStamp {
  /** Everything besides the documents that shapes the output: config, layouts, code, flags. */
  settingsDigest: string;
  /** Every document's path, size and modification time. */
  contentDigest: string;
  /** The "now" of that build. */
  now: string;
  /** The first instant after `now` at which the passing of time changes the output. */
  quietUntil: string;
  /** The first instant after `now` at which a story comes due (plan-site.ts, `clockLimits`). */
  nextDue: string;
  /** What that build reported, to report again. */
  published: number;
  excluded: Record<string, number>;
  pagesPlanned: number;
  /** Documents that build left out with --skip-invalid; still left out, so reported again. */
  skipped: string[];
  /**
   * The content folder's folders and their times when that build statted them: a build that
   * finds none changed most likely has nothing new, and stats before it reads the state.
   */
  folders?: FolderTime[];
}

/**
 * The documents' paths joined by NUL, which no path holds, and their sizes and modification
 * times in turn: what the content digest hashes, and how a stat thread sends the documents
 * (one string and one array cross threads far faster than 100,000 objects).
 */
export interface PackedStats {
  files: string;
  numbers: Float64Array;
}

export function packStats(stats: FileStat[]): PackedStats {
  const numbers = new Float64Array(stats.length * 2);
  stats.forEach(({ size, mtimeMs }, i) => {
    numbers[2 * i] = size;
    numbers[2 * i + 1] = mtimeMs;
  });
  return { files: stats.map((s) => s.file).join("\0"), numbers };
}

export function unpackStats({ files, numbers }: PackedStats): FileStat[] {
  return (files === "" ? [] : files.split("\0")).map((file, i) => ({ file, size: numbers[2 * i]!, mtimeMs: numbers[2 * i + 1]! }));
}

export function contentDigest(stats: FileStat[] | PackedStats): string {
  // The joined paths and one array of numbers: a hash update per file costs more than the
  // hashing itself, and printing 100,000 modification times as text cost 0.15 s.
  const { files, numbers } = Array.isArray(stats) ? packStats(stats) : stats;
  return createHash("sha1").update(files).update(numbers).digest("base64url");
}

/** True when a build with these inputs at `now` would write exactly what the stamped build wrote. */
export function stampStillHolds(stamp: BuildStamp | undefined, settingsDigest: string, content: string, now: string): stamp is BuildStamp {
  if (!stamp || stamp.settingsDigest !== settingsDigest || stamp.contentDigest !== content) return false;
  return quietAt(stamp, now);
}

/** True when no story has come due or left the news sitemap's window between the stamped build and `now`. */
export function quietAt(stamp: BuildStamp, now: string): boolean {
  return between(stamp.now, now, stamp.quietUntil);
}

/** True when no story has come due between the stamped build and `now`, though some may have left the news sitemap. */
export function noneDueAt(stamp: BuildStamp, now: string): boolean {
  return between(stamp.now, now, stamp.nextDue);
}

/** `now` is not before `from` and is before `until`; false without `until`, as in a stamp of an older version. */
function between(from: string, now: string, until: string | undefined): boolean {
  const at = Date.parse(now);
  return at >= Date.parse(from) && until !== undefined && at < Date.parse(until);
}

export async function readStamp(path: string): Promise<BuildStamp | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

export async function writeStamp(path: string, stamp: BuildStamp): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(stamp));
  await rename(`${path}.tmp`, path);
}
