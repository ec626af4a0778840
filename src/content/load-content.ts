import { readFileSync } from "node:fs";
import { join } from "node:path";
import { digest } from "../digest.ts";
import { summarise, type Article, type ArticleSummary } from "./article.ts";
import type { ContentIssue } from "./content-error.ts";
import { statDocuments, type FileStat } from "./discover-documents.ts";
import { readDocument } from "./read-document.ts";
import { validateArticle } from "./validate-article.ts";

/** One document's bytes → an Article or its problems. Pure: the same bytes give the same result. */
export function loadDocument(file: string, bytes: Uint8Array) {
  const revision = digest(bytes).slice(0, 16);
  const read = readDocument(file, bytes);
  if (!read.ok) return { ok: false as const, errors: [read.issue], warnings: [], revision };
  return { ...validateArticle({ file, revision, data: read.document.data, body: read.document.body }), revision };
}

/** One document read in this build, as the content cache stores it. */
export interface LoadedDocument extends FileStat {
  summary?: ArticleSummary;
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

/**
 * Reads and validates documents, keeping the full articles in `fresh` for rendering. A file that
 * cannot be read is that document's error, like any other. Synchronous reads: the files are
 * small and the thread-pool round trips of asynchronous ones cost more CPU than they save.
 */
export function parseDocuments(dir: string, files: FileStat[], fresh: Map<string, Article>): LoadedDocument[] {
  return files.map(({ file, size, mtimeMs }) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(dir, file));
    } catch (error) {
      const reason = `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      return { file, size, mtimeMs, errors: [{ file, field: "(file)", reason }], warnings: [] };
    }
    const outcome = loadDocument(file, bytes);
    if (!outcome.ok) return { file, size, mtimeMs, errors: outcome.errors, warnings: outcome.warnings };
    fresh.set(file, outcome.article);
    return { file, size, mtimeMs, summary: summarise(outcome.article), errors: [], warnings: outcome.warnings };
  });
}

export interface LoadResult {
  articles: Article[];
  errors: ContentIssue[];
  warnings: ContentIssue[];
  documentsRead: number;
}

/** Every document under `dir` (or the `files` named) as Articles, with the problems found: the Eleventy plugin's load. */
export function loadContent(dir: string, files?: string[]): LoadResult {
  const stats = files ? files.map((file) => ({ file, size: 0, mtimeMs: 0 })) : statDocuments(dir);
  const fresh = new Map<string, Article>();
  const loaded = parseDocuments(dir, stats, fresh);
  const result: LoadResult = { articles: [], errors: [], warnings: [], documentsRead: stats.length };
  for (const document of loaded) {
    result.warnings.push(...document.warnings);
    result.errors.push(...document.errors);
    const article = fresh.get(document.file);
    if (article) result.articles.push(article);
  }
  return result;
}
