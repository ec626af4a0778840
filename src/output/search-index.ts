import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { digest } from "../digest.ts";
import type { SearchPartition } from "../site/search-partitions.ts";
import type { IndexedArticle } from "../site/site-index.ts";
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

/** The search filters, by the names Pagefind's UI shows them under. */
export const SEARCH_FILTERS = ["topic", "provider", "category"] as const;

/** Every story as a search record, in the order given (newest first). */
export function searchRecords(articles: IndexedArticle[], urls: SiteUrls, language: string): SearchRecord[] {
  const lang = language.split("-")[0]!.toLowerCase();
  return articles.map((article) => searchRecord(article, urls, lang));
}

/**
 * One search index to write: its folder, and the digest of what its records are made of. The
 * records themselves are built only for an index that is written, one index at a time: building
 * and serialising all 90,000 of a 100,000-story site's records took 1.8 s of every build.
 */
export interface PlannedSearchIndex {
  folder: string;
  primary: boolean;
  digest: string;
  records: () => SearchRecord[];
}

/** The digest and records of each partition of the search (site/search-partitions.ts). */
export function planSearchIndexes(partitions: SearchPartition[], urls: SiteUrls, language: string): PlannedSearchIndex[] {
  return partitions.map(({ folder, primary, articles }) => ({
    folder,
    primary,
    digest: searchIndexDigest(articles, urls, language, primary),
    records: () => searchRecords(articles, urls, language),
  }));
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
 * A digest of what an index's records are made of, of the Pagefind version that will index them,
 * and of whether the bundle carries the scripts: while it is unchanged, the index a previous build
 * wrote is still right and Pagefind need not run. A record shows its story's document (the
 * revision covers it), its page and its terms' names, which other documents can change; the
 * site's settings and Broadsheet's code are in the site hash, whose change rebuilds everything,
 * but the settings a record shows are in the digest too.
 */
export function searchIndexDigest(articles: IndexedArticle[], urls: SiteUrls, language: string, primary = true): string {
  const parts = [pagefindVersion(), primary ? "primary" : "merged", urls.baseUrl, urls.pathPrefix, language];
  for (const { summary, path, provider, category, topics } of articles) {
    parts.push(summary.revision, path, provider.name, category?.name ?? "", String(topics.length));
    for (const topic of topics) parts.push(topic.name);
  }
  return digest(JSON.stringify(parts));
}

export interface SearchIndexFile {
  /** Relative to the Pagefind folder, e.g. `pagefind-ui.js`, `fragment/en_1a2b3c.pf_fragment`. */
  path: string;
  content: Uint8Array;
}

/**
 * Runs Pagefind over each list of records, one index after another in one Pagefind process, and
 * returns each bundle in memory, in the same order. A primary bundle holds Pagefind's scripts, UI
 * and WebAssembly beside its index; the others hold only their index, because the search page
 * merges them into the primary's search, which loads their data with its own scripts.
 * Pagefind is stopped before this returns, so the build can exit.
 */
export async function searchIndexFiles(indexes: { records: () => SearchRecord[]; primary: boolean }[]): Promise<SearchIndexFile[][]> {
  const bundles: SearchIndexFile[][] = [];
  try {
    // One index at a time: Pagefind's memory grows with the index it holds, not with the site.
    for (const { records, primary } of indexes) bundles.push(await indexRecords(records(), primary));
    return bundles;
  } finally {
    await pagefind.close();
  }
}

async function indexRecords(records: SearchRecord[], primary: boolean): Promise<SearchIndexFile[]> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const index = created.index;
  try {
    // Pagefind takes the records over one pipe; sending them all at once keeps it busy.
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((response, i) => response.errors.map((error) => `${records[i]!.url}: ${error}`));
    if (failed.length > 0) throw new Error(`Pagefind refused some search records: ${failed.join("; ")}`);
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`Pagefind could not build the search index: ${errors.join("; ")}`);
    const bundle = files.map((file) => ({ path: file.path.split("\\").join("/"), content: file.content }));
    return primary ? bundle : bundle.filter((file) => isIndexData(file.path));
  } finally {
    await index.deleteIndex();
  }
}

/** The files of an index proper, which a merged index needs; the rest are scripts, styles and WebAssembly. */
function isIndexData(path: string): boolean {
  return path === "pagefind-entry.json" || path.endsWith(".pf_meta") || /^(index|fragment|filter)\//.test(path);
}

/** Writes one search bundle into `outputPath` (e.g. the site's `pagefind/` folder), replacing what was there. */
export async function writeSearchIndex(records: SearchRecord[], outputPath: string, primary = true): Promise<SearchIndexFile[]> {
  const [files] = await searchIndexFiles([{ records: () => records, primary }]);
  await rm(outputPath, { recursive: true, force: true });
  for (const file of files!) {
    const target = join(outputPath, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return files!;
}

let cachedVersion: string | undefined;
function pagefindVersion(): string {
  if (cachedVersion === undefined) {
    const packageJson = join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json");
    cachedVersion = (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
  }
  return cachedVersion;
}
