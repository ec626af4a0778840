import { readdirSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { ConfigError } from "../config/site-config.ts";

export const DOCUMENT_EXTENSIONS = [".md", ".markdown", ".txt"];

export interface FileStat {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  size: number;
  mtimeMs: number;
}

/** Every document under `dir`, as paths relative to it with `/` separators, in a stable order. */
export function discoverDocuments(dir: string): string[] {
  const root = resolve(dir);
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    // A mistyped --content is a usage problem, not a crash: say so without a stack trace.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ConfigError(`the content folder ${dir} does not exist (set it with --content DIR)`);
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
    // Entries below the root carry its resolved path as a prefix of theirs.
    const folder = entry.parentPath === root ? "" : `${entry.parentPath.slice(root.length + 1)}${sep}`;
    files.push(sep === "/" ? folder + entry.name : (folder + entry.name).split(sep).join("/"));
  }
  return files.sort();
}

/**
 * Every document under `dir` with its size and modification time, in path order: what tells an
 * unchanged site from a changed one, so it is the whole cost of a build with nothing to do.
 * Synchronous on purpose: a stat is a few microseconds, a round trip through the thread pool more.
 */
export function statDocuments(dir: string): FileStat[] {
  return discoverDocuments(dir).map((file) => {
    const { size, mtimeMs } = statSync(join(dir, file));
    return { file, size, mtimeMs };
  });
}
