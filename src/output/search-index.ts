import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { IndexedArticle, SiteIndex } from "../site/site-index.ts";
import type { SiteUrls } from "../site/site-urls.ts";

/**
 * One story in the search index, as Pagefind's `addCustomRecord` takes it. Built from the
 * planned article data, the same fields the pages show (headline, excerpt, topics, provider,
 * category, lead image), so the index can never hold more than the site does, and an
 * incremental build can make it from cached summaries without reading any document.
 */
export interface SearchRecord {
  /** The article page, including the path prefix. */
  url: string;
  /** What full-text search matches: headline, excerpt, topics, provider and category. */
  content: string;
  /** ISO 639-1, from the site's language. */
  language: string;
  /** Shown with each result by Pagefind's UI. */
  meta: Record<string, string>;
  filters: Record<"topic" | "provider" | "category", string[]>;
  sort: { date: string };
}

/** The folder of the site that holds the search bundle; layouts/search.njk loads `pagefind/pagefind-ui.js` from it. */
export const SEARCH_FOLDER = "pagefind";

/** The search filters, by the names Pagefind's UI shows them under. */
export const SEARCH_FILTERS = ["topic", "provider", "category"] as const;

/** Every published story as a search record, newest first. */
export function searchRecords(index: SiteIndex, urls: SiteUrls, language: string): SearchRecord[] {
  const lang = language.split("-")[0]!.toLowerCase();
  return index.articles.map((article) => searchRecord(article, urls, lang));
}

function searchRecord(article: IndexedArticle, urls: SiteUrls, language: string): SearchRecord {
  const s = article.summary;
  const topics = article.topics.map((t) => t.name);
  // Pagefind makes every meta value searchable too, so meta holds only what a result shows.
  const meta: Record<string, string> = { title: s.title };
  if (s.image) {
    meta.image = urls.content(s.image.url);
    meta.image_alt = s.image.title ?? s.title;
  }
  return {
    url: urls.page(article.path),
    content: [s.title, s.excerpt, topics.join(", "), article.provider.name, article.category?.name ?? ""].filter(Boolean).join("\n"),
    language,
    meta,
    filters: { topic: topics, provider: [article.provider.name], category: article.category ? [article.category.name] : [] },
    sort: { date: s.publishedDateTime },
  };
}

/**
 * A digest of the records and the Pagefind version that will index them: while it is unchanged,
 * the index a previous build wrote is still right and Pagefind need not run.
 */
export function searchIndexDigest(records: SearchRecord[]): string {
  return createHash("sha1").update(pagefindVersion()).update("\0").update(JSON.stringify(records)).digest("base64url");
}

export interface SearchIndexFile {
  /** Relative to the Pagefind folder, e.g. `pagefind-ui.js`, `fragment/en_1a2b3c.pf_fragment`. */
  path: string;
  content: Uint8Array;
}

/**
 * Runs Pagefind over the records and returns its bundle (index, filters, script and UI files)
 * in memory. Pagefind runs as a separate process; it is stopped before this returns, so the
 * build can exit.
 */
export async function searchIndexFiles(records: SearchRecord[]): Promise<SearchIndexFile[]> {
  const created = await pagefind.createIndex({});
  try {
    if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    const index = created.index;
    // Pagefind takes the records over one pipe; sending them all at once keeps it busy.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((response, i) => response.errors.map((error) => `${records[i]!.url}: ${error}`));
    if (failed.length > 0) throw new Error(`Pagefind refused some search records: ${failed.join("; ")}`);
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`Pagefind could not build the search index: ${errors.join("; ")}`);
    return files.map((file) => ({ path: file.path.split("\\").join("/"), content: file.content }));
  } finally {
    await pagefind.close();
  }
}

/** Writes the search bundle into `outputPath` (the site's `pagefind/` folder), replacing what was there. */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string): Promise<SearchIndexFile[]> {
  const files = await searchIndexFiles(records);
  await rm(outputPath, { recursive: true, force: true });
  for (const file of files) {
    const target = join(outputPath, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return files;
}

let cachedVersion: string | undefined;
function pagefindVersion(): string {
  if (cachedVersion === undefined) {
    const packageJson = join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json");
    cachedVersion = (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
  }
  return cachedVersion;
}
