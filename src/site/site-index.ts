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
  // By the instants parsed with the documents: sorting by number is a third of the cost of sorting by text.
  const sorted = unique.sort((a, b) => b.publishedAt - a.publishedAt || compare(a.identity, b.identity));

  const dates = zonedDates(timeZone, "en");
  const calendar = new LocalCalendar();
  const days = sorted.map((s) => calendar.day(dates.localDay(s.publishedAt)));
  const articleSlugs = assignUniqueSlugs(
    sorted,
    (s, i) => `${days[i]!.folder}/${s.titleSlug}`,
    oldestFirst,
    (s) => s.identity,
  );

  const topics = new TermCollector("topic");
  const providers = new TermCollector("provider");
  const categories = new TermCollector("category");
  const articles: IndexedArticle[] = sorted.map((summary, i) => ({
    summary,
    path: `${articleSlugs[i]}/`,
    localDate: days[i]!.date,
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
    const { readUrl, identity } = article.summary;
    if (readUrl) byStoryUrl.set(readUrl, article);
    // Most stories are read where they were published: their one URL is set once.
    if (identity !== readUrl && identity.includes("://")) byStoryUrl.set(identity, article);
  }
  return { index: { articles, terms, years: dateArchives(articles, days), byStoryUrl }, errors };
}

/** A local calendar day's names: a few hundred days serve a hundred thousand stories. */
interface LocalDay {
  /** `2025/03/14`: the folder of the day's stories and of its archive. */
  folder: string;
  /** `2025-03-14`. */
  date: string;
  /** `2025`. */
  year: string;
  /** `2025/03`. */
  month: string;
}

class LocalCalendar {
  private readonly days = new Map<number, LocalDay>();

  /** The names of the day `day` days after 1 January 1970. */
  day(day: number): LocalDay {
    let names = this.days.get(day);
    if (names === undefined) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const folder = date.replaceAll("-", "/");
      this.days.set(day, (names = { folder, date, year: folder.slice(0, 4), month: folder.slice(0, 7) }));
    }
    return names;
  }
}

/** For the few stories and terms whose slugs collide: the first keeps the plain slug. */
function oldestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return a.publishedAt - b.publishedAt || compare(a.identity, b.identity);
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

/** One spelling of a term, and how many stories use it. */
interface Spelling {
  name: string;
  stories: number;
  entry: TermEntry;
}

interface TermEntry {
  spellings: Spelling[];
  /** The term's oldest story, which keeps the plain slug when two terms' slugs collide. */
  first: ArticleSummary;
  term: Term;
}

/** Collects the terms of stories that arrive newest first. */
class TermCollector {
  private readonly byKey = new Map<string, TermEntry>();
  // The same few hundred names recur on thousands of stories: fold each spelling once.
  private readonly byName = new Map<string, Spelling>();

  constructor(private readonly kind: TermKind) {}

  add(name: string, summary: ArticleSummary): Term {
    let spelling = this.byName.get(name);
    if (spelling === undefined) {
      const key = termKey(name);
      let entry = this.byKey.get(key);
      if (entry === undefined) {
        const term: Term = { kind: this.kind, key, name, slug: "", path: "", articles: [] };
        entry = { spellings: [], first: summary, term };
        this.byKey.set(key, entry);
      }
      spelling = { name, stories: 0, entry };
      entry.spellings.push(spelling);
      this.byName.set(name, spelling);
    }
    spelling.stories += 1;
    const entry = spelling.entry;
    // Newest first, and by identity among stories of the same instant: a later story is older
    // only when its instant is earlier.
    if (summary.publishedAt < entry.first.publishedAt) entry.first = summary;
    return entry.term;
  }

  finish(): Term[] {
    const entries = [...this.byKey.values()];
    for (const entry of entries) {
      entry.term.name = [...entry.spellings].sort((a, b) => b.stories - a.stories || compare(a.name, b.name))[0]!.name;
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

function dateArchives(articles: IndexedArticle[], days: LocalDay[]): DateArchive[] {
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
  for (const [i, article] of articles.entries()) {
    const day = days[i]!;
    const yearArchive = archiveFor(day.year);
    const monthArchive = archiveFor(day.month, yearArchive);
    const dayArchive = archiveFor(day.folder, monthArchive);
    yearArchive.articles.push(article);
    monthArchive.articles.push(article);
    dayArchive.articles.push(article);
  }
  return years;
}
