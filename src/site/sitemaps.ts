import type { IndexedArticle } from "./site-index.ts";

export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

export interface SitemapLimits {
  urls: number;
  /** Uncompressed size of one sitemap file, in bytes. */
  bytes: number;
}

/** What sitemaps.org and the search engines accept in one sitemap file. */
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 50 * 1024 * 1024 };

/**
 * The bytes layouts/sitemap.njk writes around the entries and for each entry. The publishing
 * tests check these against the rendered file, so the two cannot drift apart unnoticed.
 */
export const SITEMAP_FRAME = '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n';
export function sitemapEntryXml(entry: SitemapEntry): string {
  const lastmod = entry.lastmod === undefined ? "" : `<lastmod>${escapeXml(entry.lastmod)}</lastmod>`;
  return `<url><loc>${escapeXml(entry.url)}</loc>${lastmod}</url>\n`;
}

/**
 * Cuts the entries into sitemap files that each stay within both limits, keeping their order.
 * One chunk means one plain sitemap; more mean a sitemap index over numbered files.
 */
export function splitSitemap(entries: SitemapEntry[], limits: SitemapLimits = SITEMAP_LIMITS): SitemapEntry[][] {
  const frameBytes = Buffer.byteLength(SITEMAP_FRAME);
  const chunks: SitemapEntry[][] = [];
  let chunk: SitemapEntry[] = [];
  let bytes = frameBytes;
  for (const entry of entries) {
    const entryBytes = entryByteLength(entry);
    if (frameBytes + entryBytes > limits.bytes) throw new Error(`The sitemap entry for ${entry.url} alone is larger than ${limits.bytes} bytes.`);
    if (chunk.length >= limits.urls || bytes + entryBytes > limits.bytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = frameBytes;
    }
    chunk.push(entry);
    bytes += entryBytes;
  }
  if (chunk.length > 0 || chunks.length === 0) chunks.push(chunk);
  return chunks;
}

export interface SitemapFile {
  path: string;
  entries: SitemapEntry[];
}

/**
 * The sitemap files of a site, given its stories' entries newest first and its other pages'.
 * Everything in `sitemap.xml` while it fits; above the limits, stories and other pages in files
 * of their own, stories oldest first, so that new stories change only the last of their files
 * and a site republished many times a day leaves the others as crawlers and caches last saw them.
 * More than one file means `sitemap.xml` is to be an index of them.
 */
export function sitemapFiles(articles: SitemapEntry[], pages: SitemapEntry[], limits: SitemapLimits = SITEMAP_LIMITS): SitemapFile[] {
  if (articles.length + pages.length <= limits.urls) {
    const [only, ...more] = splitSitemap([...articles, ...pages], limits);
    if (more.length === 0) return [{ path: "sitemap.xml", entries: only! }];
  }
  const files = (name: string, entries: SitemapEntry[]) => (entries.length === 0 ? [] : splitSitemap(entries, limits).map((chunk, i) => ({ path: `sitemap-${name}-${i + 1}.xml`, entries: chunk })));
  return [...files("articles", [...articles].reverse()), ...files("pages", pages)];
}

const ENTRY_FRAME_BYTES = Buffer.byteLength(sitemapEntryXml({ url: "" }));
const LASTMOD_FRAME_BYTES = Buffer.byteLength(sitemapEntryXml({ url: "", lastmod: "" })) - ENTRY_FRAME_BYTES;
/** What makes an entry's size more than its length: an escape, or a character of more than one byte. */
const NOT_PLAIN = /[&<>"'\u0080-\uffff]/;

/**
 * `Buffer.byteLength(sitemapEntryXml(entry))`, without building the XML or counting bytes when
 * the entry is plain ASCII, as nearly all are (133,000 at 100,000 stories, sized on every build).
 */
function entryByteLength(entry: SitemapEntry): number {
  const { url, lastmod } = entry;
  if (NOT_PLAIN.test(url) || (lastmod !== undefined && NOT_PLAIN.test(lastmod))) return Buffer.byteLength(sitemapEntryXml(entry));
  return ENTRY_FRAME_BYTES + url.length + (lastmod === undefined ? 0 : LASTMOD_FRAME_BYTES + lastmod.length);
}

/** `sitemap.xml`, `news-sitemap.xml` and their parts (`sitemap-articles-2.xml`, `news-sitemap-3.xml`), as planned below and in plan-pages.ts. */
export function isSitemapFile(outputPath: string): boolean {
  return /^(news-)?sitemap(-[a-z]+)?(-\d+)?\.xml$/.test(outputPath);
}

/** Cuts a list into pieces of at most `size`; an empty list is one empty piece, so its file still exists. */
export function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks.length > 0 ? chunks : [[]];
}

/**
 * The stories a Google News sitemap lists: news articles published within `hours` before the
 * build's `now` (never after it), newest first, from `articles` newest first: the first story
 * older than that ends the search. Compared as instants, not as strings, so an ISO stamp with
 * or without milliseconds sorts the same.
 */
export function recentArticles(articles: readonly IndexedArticle[], now: string, hours: number): IndexedArticle[] {
  const end = Date.parse(now);
  const start = end - hours * 3_600_000;
  const recent: IndexedArticle[] = [];
  for (const article of articles) {
    const published = article.summary.publishedAt;
    if (published < start) break;
    if (published <= end && article.summary.type === "article") recent.push(article);
  }
  return recent;
}

/** The latest of some ISO stamps, for a sitemap index's lastmod. */
export function latestStamp(stamps: (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  let latestMillis = -Infinity;
  for (const stamp of stamps) {
    if (stamp === undefined) continue;
    const millis = Date.parse(stamp);
    if (millis > latestMillis) [latest, latestMillis] = [stamp, millis];
  }
  return latest;
}

/** The five escapes Nunjucks' autoescape applies, so sizes computed here match the rendered file. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
