import type { ArticleSummary } from "../content/article.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { termKey } from "../content/term-key.ts";
import { assignUniqueSlugs, slugBase } from "../slug.ts";
import { zonedDates } from "./zoned-dates.ts";

export type TermKind = "topic" | "provider" | "category";

export const TERM_FOLDERS: Record<TermKind, string> = { topic: "topics", provider: "providers", category: "categories" };

/** A topic, provider or category: one identity, however many spellings the documents use. */
export interface Term {
  kind: TermKind;
  key: string;
  /** The most common spelling (ties: the first in alphabetical order). */
  name: string;
  slug: string;
  /** Site path without the prefix, e.g. `topics/ai/`. */
  path: string;
  /** Newest first. */
  articles: IndexedArticle[];
}

export interface IndexedArticle {
  summary: ArticleSummary;
  /** Site path without the prefix, e.g. `2025/03/14/tram-extension/`. */
  path: string;
  /** The publication date in the site's time zone, `YYYY-MM-DD`. */
  localDate: string;
  topics: Term[];
  provider: Term;
  category?: Term;
}

export interface DateArchive {
  /** `YYYY`, `YYYY/MM` or `YYYY/MM/DD`. */
  period: string;
  path: string;
  /** Newest first. */
  articles: IndexedArticle[];
  children: DateArchive[];
}

export interface SiteIndex {
  /** Newest first; ties broken by identity so the order never depends on file order. */
  articles: IndexedArticle[];
  terms: Record<TermKind, Term[]>;
  /** Years, newest first, each with its months and days. */
  years: DateArchive[];
  /** Our own article for an outside story URL (its webUrl or originalUrl). */
  byStoryUrl: Map<string, IndexedArticle>;
}

export interface IndexResult {
  index: SiteIndex;
  /** Problems only visible across documents, such as the same story twice. */
  errors: ContentIssue[];
}

/** Derives everything the pages need from the published stories. Deterministic for any input order. */
export function buildSiteIndex(published: ArticleSummary[], timeZone: string): IndexResult {
  const { unique, errors } = withoutDuplicateStories(published);
  const sorted = unique.sort(newestFirst);

  const dates = zonedDates(timeZone, "en");
  // `YYYY/MM/DD`, the folder of each story's page.
  const days = sorted.map((s) => dates.localDate(s.publishedDateTime));
  const articleSlugs = assignUniqueSlugs(
    sorted,
    (s, i) => `${days[i]}/${s.titleSlug}`,
    oldestFirst,
    (s) => s.identity,
  );

  const topics = new TermCollector("topic");
  const providers = new TermCollector("provider");
  const categories = new TermCollector("category");
  const articles: IndexedArticle[] = sorted.map((summary, i) => ({
    summary,
    path: `${articleSlugs[i]}/`,
    localDate: days[i]!.replaceAll("/", "-"),
    topics: summary.topics.map((name) => topics.add(name, summary)),
    provider: providers.add(summary.provider.name, summary),
    category: summary.category === undefined ? undefined : categories.add(summary.category, summary),
  }));
  const terms = { topic: topics.finish(), provider: providers.finish(), category: categories.finish() };
  for (const article of articles) {
    for (const topic of article.topics) topic.articles.push(article);
    article.provider.articles.push(article);
    article.category?.articles.push(article);
  }

  const byStoryUrl = new Map<string, IndexedArticle>();
  for (const article of articles) {
    if (article.summary.readUrl) byStoryUrl.set(article.summary.readUrl, article);
    if (article.summary.identity.includes("://")) byStoryUrl.set(article.summary.identity, article);
  }
  return { index: { articles, terms, years: dateArchives(articles), byStoryUrl }, errors };
}

export function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return compareInstants(b.publishedDateTime, a.publishedDateTime) || compare(a.identity, b.identity);
}

function oldestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return compareInstants(a.publishedDateTime, b.publishedDateTime) || compare(a.identity, b.identity);
}

/**
 * Stored instants (`2025-03-14T09:30:00Z`, with `.500` before the Z only when there are
 * milliseconds) order as text, except that a whole second must count as `.000`: as text,
 * `…00.500Z` comes before `…00Z`. Comparing them as text is what keeps sorting 100,000 stories cheap.
 */
function compareInstants(a: string, b: string): number {
  if (a.length === b.length) return compare(a, b);
  return compare(withMilliseconds(a), withMilliseconds(b));
}

function withMilliseconds(instant: string): string {
  return instant.length === 20 ? `${instant.slice(0, 19)}.000Z` : instant;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same story (same source URL) in two documents is an error on every copy after the first by path. */
function withoutDuplicateStories(summaries: ArticleSummary[]): { unique: ArticleSummary[]; errors: ContentIssue[] } {
  const firstByIdentity = new Map<string, ArticleSummary>();
  // Copies are rare: sort only them by path, not every story.
  const copies = new Map<string, ArticleSummary[]>();
  for (const summary of summaries) {
    const first = firstByIdentity.get(summary.identity);
    if (first === undefined) firstByIdentity.set(summary.identity, summary);
    else if (copies.has(summary.identity)) copies.get(summary.identity)!.push(summary);
    else copies.set(summary.identity, [first, summary]);
  }
  const errors: ContentIssue[] = [];
  for (const [identity, group] of copies) {
    const [first, ...others] = group.sort((a, b) => compare(a.sourcePath, b.sourcePath)) as [ArticleSummary, ...ArticleSummary[]];
    firstByIdentity.set(identity, first);
    for (const copy of others) errors.push({ file: copy.sourcePath, field: "originalUrl", reason: `the same story as ${first.sourcePath}; keep one of the two documents` });
  }
  return { unique: [...firstByIdentity.values()], errors: errors.sort((a, b) => compare(a.file, b.file)) };
}

class TermCollector {
  private readonly byKey = new Map<string, { spellings: Map<string, number>; first: ArticleSummary; term: Term }>();
  private readonly keys = new Map<string, string>();

  constructor(private readonly kind: TermKind) {}

  add(name: string, summary: ArticleSummary): Term {
    // The same few hundred names recur on thousands of stories: fold each spelling once.
    let key = this.keys.get(name);
    if (key === undefined) this.keys.set(name, (key = termKey(name)));
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      const term: Term = { kind: this.kind, key, name, slug: "", path: "", articles: [] };
      entry = { spellings: new Map(), first: summary, term };
      this.byKey.set(key, entry);
    } else if (oldestFirst(summary, entry.first) < 0) {
      entry.first = summary;
    }
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    return entry.term;
  }

  finish(): Term[] {
    const entries = [...this.byKey.values()];
    for (const entry of entries) {
      entry.term.name = [...entry.spellings].sort(([a, na], [b, nb]) => nb - na || compare(a, b))[0]![0];
    }
    const slugs = assignUniqueSlugs(
      entries,
      (entry) => slugBase(entry.term.name),
      (a, b) => oldestFirst(a.first, b.first) || compare(a.term.key, b.term.key),
      (entry) => entry.term.key,
    );
    for (const [i, entry] of entries.entries()) {
      entry.term.slug = slugs[i]!;
      entry.term.path = `${TERM_FOLDERS[this.kind]}/${entry.term.slug}/`;
    }
    return entries.map((e) => e.term).sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || compare(a.key, b.key));
  }
}

function dateArchives(articles: IndexedArticle[]): DateArchive[] {
  const byPeriod = new Map<string, DateArchive>();
  const years: DateArchive[] = [];
  const archiveFor = (period: string, parent?: DateArchive): DateArchive => {
    let archive = byPeriod.get(period);
    if (archive === undefined) {
      archive = { period, path: `${period}/`, articles: [], children: [] };
      byPeriod.set(period, archive);
      (parent ? parent.children : years).push(archive);
    }
    return archive;
  };
  // Articles arrive newest first, so every list below is newest first too.
  for (const article of articles) {
    const [year, month, day] = article.localDate.split("-") as [string, string, string];
    const yearArchive = archiveFor(year);
    const monthArchive = archiveFor(`${year}/${month}`, yearArchive);
    const dayArchive = archiveFor(`${year}/${month}/${day}`, monthArchive);
    for (const archive of [yearArchive, monthArchive, dayArchive]) archive.articles.push(article);
  }
  return years;
}
