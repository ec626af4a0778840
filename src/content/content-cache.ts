import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { summarise, type Article, type ArticleSummary } from "./article.ts";
import type { ContentIssue } from "./content-error.ts";
import { discoverDocuments, loadDocument } from "./load-content.ts";

/** What the last build learned about one document, keyed by what `stat` says of the file. */
export interface CachedDocument {
  size: number;
  mtimeMs: number;
  summary?: ArticleSummary;
  errors?: ContentIssue[];
  warnings?: ContentIssue[];
}

export type ContentCache = Record<string, CachedDocument>;

/** One document read in this build, as it is stored in the cache. */
export interface LoadedDocument {
  file: string;
  size: number;
  mtimeMs: number;
  summary?: ArticleSummary;
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

export interface FileStat {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Parses documents; the default does it on this thread and keeps the full articles in `fresh`,
 * a worker pool does it on others and keeps them there.
 */
export type ParseDocuments = (dir: string, files: FileStat[], fresh: Map<string, Article>) => Promise<LoadedDocument[]>;

export interface CachedLoad {
  /** Summaries of every valid document, in path order. */
  summaries: ArticleSummary[];
  /** Full articles of the documents parsed on this thread in this build. */
  fresh: Map<string, Article>;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  documentsRead: number;
  documentsParsed: number;
  cache: ContentCache;
}

const STAT_BATCH = 256;

/**
 * Loads every document, parsing only those whose size or modification time changed since the
 * cache was written. With an empty cache this is a full load.
 */
export async function loadWithCache(dir: string, previous: ContentCache, parse?: ParseDocuments, statted?: FileStat[]): Promise<CachedLoad> {
  const stats = statted ?? (await statDocuments(dir));
  const files = stats.map((s) => s.file);
  const result: CachedLoad = { summaries: [], fresh: new Map(), errors: [], warnings: [], documentsRead: files.length, documentsParsed: 0, cache: {} };
  const changed: FileStat[] = [];
  files.forEach((file, i) => {
    const cached = previous[file];
    const { size, mtimeMs } = stats[i]!;
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) result.cache[file] = cached;
    else changed.push({ file, size, mtimeMs });
  });
  const loaded = await (parse ?? parseOnThisThread)(dir, changed, result.fresh);
  for (const { file, size, mtimeMs, summary, errors, warnings } of loaded) {
    result.documentsParsed += 1;
    result.cache[file] = { size, mtimeMs, summary, errors: nonEmpty(errors), warnings: nonEmpty(warnings) };
  }
  for (const file of files) {
    const entry = result.cache[file]!;
    if (entry.summary) result.summaries.push(entry.summary);
    if (entry.errors) result.errors.push(...entry.errors);
    if (entry.warnings) result.warnings.push(...entry.warnings);
  }
  return result;
}

/** Every document under `dir` with its size and modification time, in path order. */
export async function statDocuments(dir: string): Promise<FileStat[]> {
  const files = await discoverDocuments(dir);
  return inBatches(files, async (file) => {
    const { size, mtimeMs } = await stat(join(dir, file));
    return { file, size, mtimeMs };
  });
}

/** Parses on this thread and keeps the full articles in `fresh` for rendering. */
export const parseOnThisThread: ParseDocuments = (dir, files, fresh) =>
  inBatches(files, async ({ file, size, mtimeMs }) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(join(dir, file));
    } catch (error) {
      const reason = `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      return { file, size, mtimeMs, errors: [{ file, field: "(file)", reason }], warnings: [] };
    }
    const outcome = loadDocument(file, bytes);
    if (!outcome.ok) return { file, size, mtimeMs, errors: outcome.errors, warnings: outcome.warnings };
    fresh.set(file, outcome.article);
    return { file, size, mtimeMs, summary: summarise(outcome.article), errors: [], warnings: outcome.warnings };
  });

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += STAT_BATCH) {
    results.push(...(await Promise.all(items.slice(start, start + STAT_BATCH).map(task))));
  }
  return results;
}
