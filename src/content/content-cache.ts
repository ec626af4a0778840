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
  /** The documents parsed in this build: new, changed, or not in the previous cache. */
  parsed: string[];
  /** How many documents of the previous cache are gone (removed or renamed). */
  gone: number;
}

/**
 * Loads every document, parsing only those whose size or modification time changed since the
 * cache was written. With an empty cache this is a full load.
 */
export async function loadWithCache(dir: string, previous: ContentCache, parse?: ParseDocuments, statted?: FileStat[]): Promise<CachedLoad> {
  const stats = statted ?? statDocuments(dir);
  const files = stats.map((s) => s.file);
  const result: CachedLoad = { summaries: [], fresh: new Map(), errors: [], warnings: [], documentsRead: files.length, documentsParsed: 0, cache: new Map(), parsed: [], gone: previous.size };
  const changed: FileStat[] = [];
  files.forEach((file, i) => {
    const cached = previous.get(file);
    const { size, mtimeMs } = stats[i]!;
    if (cached) result.gone -= 1;
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) result.cache.set(file, cached);
    else changed.push({ file, size, mtimeMs });
  });
  result.parsed = changed.map((stat) => stat.file);
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

/** How the documents of one build differ from the previous build's, when none was removed or renamed. */
export interface DocumentChanges {
  /** New documents, and documents that are stories now and were not (invalid) before. */
  added: Set<string>;
  /** Documents whose story was there before and has changed. */
  edited: Set<string>;
}

/**
 * The documents added to `previous` and edited in it to make the documents `load` found, when
 * that is the only difference: every earlier document is still there, and is a story. Undefined
 * when a document was removed or renamed. The documents `load` did not parse are as they were.
 */
export function changedDocuments(previous: ContentCache, load: Pick<CachedLoad, "cache" | "parsed" | "gone">): DocumentChanges | undefined {
  if (load.gone > 0) return undefined;
  const changes: DocumentChanges = { added: new Set(), edited: new Set() };
  for (const file of load.parsed) {
    if (load.cache.get(file)!.summary === undefined) return undefined;
    if (previous.get(file)?.summary === undefined) changes.added.add(file);
    else changes.edited.add(file);
  }
  return changes;
}
