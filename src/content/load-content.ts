import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { ConfigError } from "../config/site-config.ts";
import type { Article } from "./article.ts";
import type { ContentIssue } from "./content-error.ts";
import { readDocument } from "./read-document.ts";
import { validateArticle } from "./validate-article.ts";

export const DOCUMENT_EXTENSIONS = [".md", ".markdown", ".txt"];

export interface LoadResult {
  articles: Article[];
  errors: ContentIssue[];
  warnings: ContentIssue[];
  documentsRead: number;
}

/** Every document under `dir`, as paths relative to it with `/` separators, in a stable order. */
export async function discoverDocuments(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    // A mistyped --content is a usage problem, not a crash: say so without a stack trace.
    if (error.code === "ENOENT" || error.code === "ENOTDIR") throw new ConfigError(`the content folder ${dir} does not exist (set it with --content DIR)`);
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** One document's bytes → an Article or its problems. Pure: the same bytes give the same result. */
export function loadDocument(file: string, bytes: Uint8Array) {
  const revision = createHash("sha1").update(bytes).digest("base64url").slice(0, 16);
  const read = readDocument(file, bytes);
  if (!read.ok) return { ok: false as const, errors: [read.issue], warnings: [], revision };
  return { ...validateArticle({ file, revision, data: read.document.data, body: read.document.body }), revision };
}

export async function loadContent(dir: string, files?: string[]): Promise<LoadResult> {
  const paths = files ?? (await discoverDocuments(dir));
  const result: LoadResult = { articles: [], errors: [], warnings: [], documentsRead: paths.length };
  for (const file of paths) {
    const loaded = loadDocument(file, await readFile(join(dir, file)));
    result.warnings.push(...loaded.warnings);
    if (loaded.ok) result.articles.push(loaded.article);
    else result.errors.push(...loaded.errors);
  }
  return result;
}
