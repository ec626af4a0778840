import type { Article, ArticleSummary } from "./article.ts";
import type { ContentIssue } from "./content-error.ts";
import { statDocuments, type FileStat } from "./discover-documents.ts";
import { parseDocuments, type LoadedDocument } from "./load-content.ts";

/** What the last build learned about one document, keyed by what `stat` says of the file. */
export interface CachedDocument {
  size: number;
  mtimeMs: number;
  summary?: ArticleSummary;
  errors?: ContentIssue[];
  warnings?: ContentIssue[];
}

/** By document path. A Map: at 100,000 documents, an object as a dictionary is much slower to fill. */
export type ContentCache = Map<string, CachedDocument>;

/**
 * Parses documents; the default does it on this thread and keeps the full articles in `fresh`,
 * a worker pool does it on others and keeps them there.
 */
export type ParseDocuments = (dir: string, files: FileStat[], fresh: Map<string, Article>) => Promise<LoadedDocument[]> | LoadedDocument[];

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

/**
 * Loads every document, parsing only those whose size or modification time changed since the
 * cache was written. With an empty cache this is a full load.
 */
export async function loadWithCache(dir: string, previous: ContentCache, parse?: ParseDocuments, statted?: FileStat[]): Promise<CachedLoad> {
  const stats = statted ?? statDocuments(dir);
  const files = stats.map((s) => s.file);
  const result: CachedLoad = { summaries: [], fresh: new Map(), errors: [], warnings: [], documentsRead: files.length, documentsParsed: 0, cache: new Map() };
  const changed: FileStat[] = [];
  files.forEach((file, i) => {
    const cached = previous.get(file);
    const { size, mtimeMs } = stats[i]!;
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) result.cache.set(file, cached);
    else changed.push({ file, size, mtimeMs });
  });
  const loaded = await (parse ?? parseDocuments)(dir, changed, result.fresh);
  for (const { file, size, mtimeMs, summary, errors, warnings } of loaded) {
    result.documentsParsed += 1;
    result.cache.set(file, { size, mtimeMs, summary, errors: nonEmpty(errors), warnings: nonEmpty(warnings) });
  }
  for (const file of files) {
    const entry = result.cache.get(file)!;
    if (entry.summary) result.summaries.push(entry.summary);
    if (entry.errors) result.errors.push(...entry.errors);
    if (entry.warnings) result.warnings.push(...entry.warnings);
  }
  return result;
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/**
 * The documents in `current` that `previous` did not have, when that is the only difference:
 * every earlier entry is still there, unchanged (the same object, as `loadWithCache` keeps it).
 * Undefined when a document was edited, removed or renamed.
 */
export function addedDocuments(previous: ContentCache, current: ContentCache): Set<string> | undefined {
  for (const [file, entry] of previous) if (current.get(file) !== entry) return undefined;
  const added = new Set<string>();
  for (const file of current.keys()) if (!previous.has(file)) added.add(file);
  return added;
}
