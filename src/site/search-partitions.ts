import type { DateArchive, IndexedArticle, SiteIndex } from "./site-index.ts";

/**
 * The folder of the primary search bundle: Pagefind's scripts, UI and WebAssembly, with the index
 * of the newest stories. layouts/search.njk loads `pagefind/pagefind-ui.js` from it.
 */
export const SEARCH_FOLDER = "pagefind";

/** The folder that holds the index of each period but the newest days, e.g. `pagefind-archive/2025/`, `pagefind-archive/2026-03/`. */
export const SEARCH_ARCHIVE_FOLDER = "pagefind-archive";

/**
 * The most stories an index holds, unless they were published on one day (or, for the primary,
 * on the newest days). Pagefind takes about 4 s for 5,000 records, 8 s for 9,000 and 51 s for
 * 36,000 on two cores, and its memory grows with the index: a build re-indexes at most one index
 * of this size for each period whose stories changed.
 */
export const SEARCH_PARTITION_SIZE = 5_000;

/**
 * How many of the newest days (that have stories) the primary index holds. New stories arrive
 * there: a feed's items are a few hours old, some from before midnight. So a build re-indexes a
 * couple of days' stories, not the month or year around them, until a new day begins and the
 * oldest of these days goes back into its period's index, which is then indexed again once.
 */
export const PRIMARY_DAYS = 2;

/**
 * The stories of one search index. Pagefind builds an index whole, so the site's search is split
 * into indexes, merged in the reader's browser. The primary holds the newest PRIMARY_DAYS days;
 * each other index holds the rest of a calendar year, or of a month if its year has more than
 * SEARCH_PARTITION_SIZE stories, or of a day if its month has: the largest period (in the site's
 * time zone) that is small enough. Calendar periods are stable boundaries: a new or edited story
 * changes only its own index, and a period is split (once) only when it outgrows the limit.
 */
export interface SearchPartition {
  /** Output folder: SEARCH_FOLDER for the newest days, SEARCH_ARCHIVE_FOLDER/YYYY[-MM[-DD]] for the periods. */
  folder: string;
  /** Whether the folder carries Pagefind's scripts and UI too; merged indexes use the primary's. */
  primary: boolean;
  /** Newest first. */
  articles: IndexedArticle[];
}

/**
 * The published stories by index, newest first, the primary first. A site without stories still
 * gets an empty primary, so the search page's scripts exist.
 */
export function searchPartitions(index: SiteIndex, maxStories = SEARCH_PARTITION_SIZE): SearchPartition[] {
  const newest = newestDays(index.years, PRIMARY_DAYS).flatMap((day) => day.articles);
  const inPrimary = new Set(newest);
  const periods: SearchPartition[] = [];
  for (const period of index.years.flatMap((year) => smallEnough(year, maxStories))) {
    const articles = period.articles.filter((article) => !inPrimary.has(article));
    if (articles.length > 0) periods.push({ folder: `${SEARCH_ARCHIVE_FOLDER}/${period.period.replaceAll("/", "-")}`, primary: false, articles });
  }
  return [{ folder: SEARCH_FOLDER, primary: true, articles: newest }, ...periods];
}

/** The newest `count` days that have stories, newest first. */
function newestDays(years: DateArchive[], count: number): DateArchive[] {
  const days: DateArchive[] = [];
  for (const year of years) {
    for (const month of year.children) {
      for (const day of month.children) {
        if (days.length === count) return days;
        days.push(day);
      }
    }
  }
  return days;
}

/** The period itself if it holds at most `maxStories`, else its months or days that do, newest first. */
function smallEnough(period: DateArchive, maxStories: number): DateArchive[] {
  if (period.articles.length <= maxStories || period.children.length === 0) return [period];
  return period.children.flatMap((child) => smallEnough(child, maxStories));
}

/** Whether an output path is the folder of a search index rather than a page. */
export function isSearchIndexFolder(outputPath: string): boolean {
  return outputPath === SEARCH_FOLDER || outputPath.startsWith(`${SEARCH_ARCHIVE_FOLDER}/`);
}
