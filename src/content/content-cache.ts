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

export interface CachedLoad {
  /** Summaries of every valid document, in path order. */
  summaries: ArticleSummary[];
  /** Full articles of the documents read in this build (new or changed ones). */
  fresh: Map<string, Article>;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  documentsRead: number;
  documentsParsed: number;
  cache: ContentCache;
}

const STAT_BATCH = 256;

/**
 * Loads every document, reading only those whose size or modification time changed since the
 * cache was written. With an empty cache this is a full load.
 */
export async function loadWithCache(dir: string, previous: ContentCache): Promise<CachedLoad> {
  const files = await discoverDocuments(dir);
  const stats = await inBatches(files, (file) => stat(join(dir, file)));
  const result: CachedLoad = { summaries: [], fresh: new Map(), errors: [], warnings: [], documentsRead: files.length, documentsParsed: 0, cache: {} };
  const changed: number[] = [];
  files.forEach((file, i) => {
    const cached = previous[file];
    const { size, mtimeMs } = stats[i]!;
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) result.cache[file] = cached;
    else changed.push(i);
  });
  const loaded = await inBatches(changed, async (i) => {
    const file = files[i]!;
    const bytes = await readFile(join(dir, file));
    return { file, size: stats[i]!.size, mtimeMs: stats[i]!.mtimeMs, outcome: loadDocument(file, bytes) };
  });
  for (const { file, size, mtimeMs, outcome } of loaded) {
    result.documentsParsed += 1;
    if (outcome.ok) {
      result.fresh.set(file, outcome.article);
      result.cache[file] = { size, mtimeMs, summary: summarise(outcome.article), warnings: nonEmpty(outcome.warnings) };
    } else {
      result.cache[file] = { size, mtimeMs, errors: outcome.errors, warnings: nonEmpty(outcome.warnings) };
    }
  }
  for (const file of files) {
    const entry = result.cache[file]!;
    if (entry.summary) result.summaries.push(entry.summary);
    if (entry.errors) result.errors.push(...entry.errors);
    if (entry.warnings) result.warnings.push(...entry.warnings);
  }
  return result;
}

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
