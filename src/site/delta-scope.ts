import { foldName } from "../fold-name.ts";
import { archivePageCount } from "./paginate.ts";
import type { PlanScope } from "./plan-pages.ts";
import type { DateArchive, IndexedArticle, SiteIndex } from "./site-index.ts";

/** Each term's name and path, by kind and key, as `name\0path`: kept from one build to the next. */
export type TermTable = Map<string, string>;

export function termTable(index: SiteIndex): TermTable {
  const table: TermTable = new Map();
  for (const kind of ["topic", "provider", "category"] as const) {
    for (const term of index.terms[kind]) table.set(`${kind}\0${term.key}`, `${term.name}\0${term.path}`);
  }
  return table;
}

/** The pages to plan after stories were added, or why every page must be planned. */
export type DeltaScope = { scope: PlanScope } | { reason: string };

const NO_PAGE = () => false;

/**
 * The pages that stories added to the previous build's documents, or edited in them, can
 * change: their own pages, the pages of stories that list a new story as related, and the
 * pages of the lists they are on: for new stories, the pages they shift (`changedPages`); for
 * edited ones, the pages that show them (`showingPages`). Every page besides lists and
 * articles (directories, sitemaps, search) is always planned.
 *
 * That holds only while the new stories change no other story's page. When they would, the
 * reason is returned and the whole site must be planned: a term's name or address changes (a
 * new majority spelling, a slug taken), or a new story takes an older story's address.
 *
 * The caller checks the rest: the documents differ from the previous build's only by the added
 * and edited files, no edit moves a story (previous-build.ts), and nothing is invalid. Stories
 * that came due since the previous build come as added.
 */
export function deltaScope(
  index: SiteIndex,
  changes: { added: ReadonlySet<string>; edited: ReadonlySet<string> },
  terms: { previous: TermTable; current: TermTable },
  sizes: { pageSize: number; feedSize: number },
): DeltaScope {
  for (const [key, now] of terms.current) {
    const before = terms.previous.get(key);
    if (before === undefined || before === now) continue;
    const [kind] = key.split("\0");
    const [oldName, oldPath] = before.split("\0");
    const [name, path] = now.split("\0");
    return { reason: `the ${kind} ${oldName} (${oldPath}) is now ${name} (${path})` };
  }

  const fresh = new Set<IndexedArticle>();
  const edited = new Set<IndexedArticle>();
  for (const article of index.articles) {
    const path = article.summary.sourcePath;
    if (changes.added.has(path)) fresh.add(article);
    else if (changes.edited.has(path)) edited.add(article);
  }
  // Each list a new or edited story is on, by its folder, with its stories and the number of new ones among them.
  const joined = new Map<string, { articles: IndexedArticle[]; added: number }>();
  const join = (article: IndexedArticle, archives: DateArchive[], isNew: boolean) => {
    const lists: [string, IndexedArticle[]][] = [["", index.articles]];
    for (const term of [article.provider, ...article.topics, ...(article.category ? [article.category] : [])]) lists.push([term.path, term.articles]);
    for (const archive of archives) lists.push([archive.path, archive.articles]);
    for (const [folder, articles] of lists) {
      const list = joined.get(folder) ?? { articles, added: 0 };
      if (isNew) list.added += 1;
      joined.set(folder, list);
    }
  };
  for (const article of fresh) {
    const archives = archivesOf(index, article);
    const taken = plainAddressTaken(article, archives[2], fresh);
    if (taken) return { reason: `the new story ${article.summary.sourcePath} takes the address of ${taken.summary.sourcePath}` };
    join(article, archives, true);
  }
  for (const article of edited) join(article, archivesOf(index, article), false);

  const wanted = new Map<string, (page: number) => boolean>();
  for (const [folder, { articles, added }] of joined) {
    const shifted = added > 0 ? changedPages(articles, added, fresh, sizes.pageSize) : NO_PAGE;
    const showing = edited.size > 0 ? showingPages(articles, edited, sizes) : NO_PAGE;
    wanted.set(folder, (page) => shifted(page) || showing(page));
  }

  const planned = new Set([...fresh, ...edited]);
  const freshUrls = new Set<string>();
  for (const article of fresh) {
    for (const url of [article.summary.readUrl, article.summary.identity]) if (url !== undefined && index.byStoryUrl.get(url) === article) freshUrls.add(url);
  }
  // Most related URLs name no new story and are told apart by their length alone: only those of
  // a new story's URL's length are hashed for the set, not the 130,000 of a 100,000-story site.
  const lengths = new Set([...freshUrls].map((url) => url.length));
  for (const article of index.articles) {
    for (const url of article.summary.relatedUrls) {
      if (lengths.has(url.length) && freshUrls.has(url)) {
        planned.add(article);
        break;
      }
    }
  }
  return { scope: { article: (article) => planned.has(article), listPages: (folder) => wanted.get(folder) ?? NO_PAGE } };
}

/**
 * The pages of a list that show any of the `edited` stories on it: the archive page each is on,
 * and the front page, with the list's feeds, when it is among the newest there or in the feeds.
 */
function showingPages(articles: IndexedArticle[], edited: ReadonlySet<IndexedArticle>, sizes: { pageSize: number; feedSize: number }): (page: number) => boolean {
  const pages = new Set<number>();
  const archivePages = archivePageCount(articles.length, sizes.pageSize);
  for (const [position, article] of articles.entries()) {
    if (!edited.has(article)) continue;
    if (position < Math.max(sizes.pageSize, sizes.feedSize)) pages.add(0);
    // Archive page N holds the stories at positions from length - N × size on, newest first.
    const page = Math.ceil((articles.length - position) / sizes.pageSize);
    if (page <= archivePages) pages.add(page);
  }
  return (page) => pages.has(page);
}

/**
 * The pages of a list that change when `count` new stories join it. Archive pages are numbered
 * from the oldest, so one that holds only stories older than every new one keeps its stories,
 * and its links unless it was the last page and a page has filled up after it. New stories as
 * a feed brings them, hours old, change the front page and the newest archive page or two; a
 * story from last year changes every archive page since.
 */
function changedPages(articles: IndexedArticle[], count: number, fresh: ReadonlySet<IndexedArticle>, size: number): (page: number) => boolean {
  const before = archivePageCount(articles.length - count, size);
  const after = archivePageCount(articles.length, size);
  let oldestNew = 0; // its position, newest first
  for (let i = 0, found = 0; found < count; i += 1) {
    if (fresh.has(articles[i]!)) [found, oldestNew] = [found + 1, i];
  }
  // Archive page N holds the stories at positions from length - N × size on, newest first.
  const firstTouched = Math.ceil((articles.length - oldestNew) / size);
  const first = after > before ? Math.min(firstTouched, Math.max(before, 1)) : firstTouched;
  return (page) => page === 0 || page >= first;
}

/** Another story already there whose address a new story's plain slug would take, pushing it to a suffixed one. */
function plainAddressTaken(article: IndexedArticle, day: DateArchive, fresh: ReadonlySet<IndexedArticle>): IndexedArticle | undefined {
  if (article.path !== `${day.period}/${article.summary.titleSlug}/`) return undefined;
  const slug = foldName(article.summary.titleSlug);
  return day.articles.find((other) => !fresh.has(other) && foldName(other.summary.titleSlug) === slug);
}

/** The year, month and day archives that list a story. */
function archivesOf(index: SiteIndex, article: IndexedArticle): [DateArchive, DateArchive, DateArchive] {
  const [year, month, day] = article.localDate.split("-") as [string, string, string];
  const yearArchive = index.years.find((a) => a.period === year)!;
  const monthArchive = yearArchive.children.find((a) => a.period === `${year}/${month}`)!;
  const dayArchive = monthArchive.children.find((a) => a.period === `${year}/${month}/${day}`)!;
  return [yearArchive, monthArchive, dayArchive];
}
