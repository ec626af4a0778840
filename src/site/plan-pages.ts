import { digest } from "../digest.ts";
import { articleContext, articleContextKey, type ArticleContext } from "./article-context.ts";
import { documentTitle } from "./page-meta.ts";
import { alphabeticalGroups, CardMaker, FeedItemMaker, feedLinks, feedView, FEED_FILES, listMeta } from "./compose-lists.ts";
import { archivePageCount, listPagePath, paginateNewsList, pagerUrls, wholeList, type NewsList } from "./paginate.ts";
import type { DateArchive, IndexedArticle, SiteIndex, Term, TermKind } from "./site-index.ts";
import { TERM_FOLDERS } from "./site-index.ts";
import { SiteUrls } from "./site-urls.ts";
import { zonedDates } from "./zoned-dates.ts";
import { searchPartitions } from "./search-partitions.ts";
import { chunked, latestStamp, recentArticles, sitemapFiles, type SitemapEntry } from "./sitemaps.ts";
import type { Link, View } from "./views.ts";

export interface PlanSettings {
  title: string;
  description: string;
  baseUrl: string;
  pathPrefix: string;
  language: string;
  timeZone: string;
  pageSize: number;
  feedSize: number;
  /** The build's "now", for the news sitemap's 48-hour window. */
  now: string;
}

/**
 * One file of the site. Lists and feeds carry `compose`, and article pages `context`, which build
 * what the page shows only if it is rendered: fingerprints come from what those are made of, so
 * an incremental build of a big site builds the views of the few pages that changed, not of all
 * of them. The renderer composes an article page's view from the full article and its context;
 * a page sent to a worker carries the context itself (`transferable`).
 */
export type PlannedPage =
  | { outputPath: string; layout: string; fingerprint: string; view: View }
  | { outputPath: string; layout: string; fingerprint: string; compose: () => View }
  | { outputPath: string; layout: "article.njk"; fingerprint: string; sourcePath: string; context: () => ArticleContext }
  | { outputPath: string; layout: "article.njk"; fingerprint: string; sourcePath: string; article: ArticleContext };

/**
 * Which pages to plan. The full planner plans every page; a build after added or edited stories
 * only plans those the changed stories can change, and keeps the fingerprints of the rest
 * (delta-scope.ts).
 */
export interface PlanScope {
  article(article: IndexedArticle): boolean;
  /**
   * Which pages of a list to plan, by number (0 is the front page); the list is known by its
   * folder (`""` for the home page's). Its feeds show its newest stories, as its front page
   * does, so they are planned with its front page.
   */
  listPages(folder: string): (page: number) => boolean;
}

const everyPage = () => true;
export const EVERY_PAGE: PlanScope = { article: everyPage, listPages: () => everyPage };

export const NEWS_SITEMAP_LIMIT = 1_000;
export const NEWS_WINDOW_HOURS = 48;

/** Every feed is written in three formats from one view. */
const FEED_LAYOUTS = [
  [FEED_FILES.rss, "feed-rss.njk"],
  [FEED_FILES.atom, "feed-atom.njk"],
  [FEED_FILES.json, "feed-json.njk"],
] as const;

const TERM_LABELS: Record<TermKind, { one: string; many: string }> = {
  topic: { one: "Topic", many: "Topics" },
  provider: { one: "Provider", many: "Providers" },
  category: { one: "Category", many: "Categories" },
};

/**
 * Every page of the site in `scope`, in a stable order, each with a fingerprint of everything it
 * shows. A page whose fingerprint is unchanged since the last build need not be rendered again.
 */
export function planPages(index: SiteIndex, settings: PlanSettings, scope: PlanScope = EVERY_PAGE): PlannedPage[] {
  const urls = new SiteUrls(settings.baseUrl, settings.pathPrefix);
  const cards = new CardMaker(urls);
  const feedItems = new FeedItemMaker(urls);
  const fingerprint = new Fingerprints(cards, feedItems);
  const pages: PlannedPage[] = [];
  // The site paths of the pages besides articles that the sitemap lists, planned or not, in the order planned.
  const listed: string[] = [];
  const home: Link = { name: "Home", url: urls.page("") };
  const addView = (outputPath: string, layout: string, view: View) => {
    if (outputPath.endsWith("index.html") && outputPath !== "search/index.html") listed.push(outputPath.slice(0, -"index.html".length));
    pages.push({ outputPath, layout, fingerprint: fingerprint.of(layout, view), view });
  };

  for (const article of index.articles) {
    if (!scope.article(article)) continue;
    pages.push({
      outputPath: `${article.path}index.html`,
      layout: "article.njk",
      fingerprint: fingerprint.ofArticle(article.summary.revision, articleContextKey(article, index)),
      sourcePath: article.summary.sourcePath,
      context: () => articleContext(article, index, settings.pathPrefix),
    });
  }

  // Archive pages (page/N/) must not change when stories arrive, so they show no counts:
  // `archiveIntro` replaces an intro that counts the list's stories.
  const addList = (folder: string, heading: string, frontIntro: string, stories: NewsList<IndexedArticle>, crumbs: Link[], extra: { label?: string; periods?: Link[]; feeds?: boolean; archiveIntro?: string } = {}) => {
    const feeds = extra.feeds ? { ...feedLinks(folder, urls), title: heading } : undefined;
    for (let page = 0; page <= archivePageCount(stories.count, settings.pageSize); page += 1) listed.push(folder + listPagePath(page));
    for (const list of paginateNewsList(stories, settings.pageSize, scope.listPages(folder))) {
      const path = folder + list.path;
      const intro = list.path === "" ? frontIntro : (extra.archiveIntro ?? frontIntro);
      const title = list.pager.label ? `${heading} — ${list.pager.label}` : heading;
      const pageCrumbs = list.path === "" ? crumbs : [...crumbs, { name: list.pager.label!, url: urls.page(path) }];
      const pager = pagerUrls(list.pager, urls.page(folder));
      const periods = list.path === "" ? extra.periods : undefined;
      // Everything the view is made of besides the site's settings (which are in every page's
      // fingerprint through the site hash) is in this one: the page, its words, its stories.
      const made = [path, title, heading, extra.label, intro, pageCrumbs, pager, periods, feeds];
      pages.push({
        outputPath: `${path}index.html`,
        layout: "list.njk",
        fingerprint: fingerprint.of("list.njk", [made, fingerprint.cards(list.items)]),
        compose: (): View => ({
          kind: "list",
          meta: listMeta(title, settings.title, intro, path, pageCrumbs, urls, feeds),
          breadcrumbs: pageCrumbs,
          heading,
          label: extra.label,
          intro,
          cards: list.items.map((a) => cards.card(a)),
          pager,
          periods,
        }),
      });
    }
  };
  const addFeeds = (folder: string, title: string, description: string, stories: NewsList<IndexedArticle>) => {
    if (!scope.listPages(folder)(0)) return;
    const latest = stories.newest.slice(0, settings.feedSize);
    const made = fingerprint.of("feed", [folder, title, description, settings.language, fingerprint.feedItems(latest)]);
    let view: View | undefined; // one view for the three formats
    const compose = () => (view ??= feedView(title, description, settings.language, folder, latest, settings.feedSize, urls, feedItems));
    for (const [file, layout] of FEED_LAYOUTS) pages.push({ outputPath: folder + file, layout, fingerprint: fingerprint.of(layout, made), compose });
  };

  const everyStory = wholeList(index.articles);
  addList("", settings.title, settings.description, everyStory, [home]);
  addFeeds("", settings.title, settings.description, everyStory);

  for (const kind of ["topic", "provider", "category"] as const) {
    const folder = `${TERM_FOLDERS[kind]}/`;
    const label = TERM_LABELS[kind];
    const directoryCrumbs = [home, { name: label.many, url: urls.page(folder) }];
    addView(`${folder}index.html`, "directory.njk", {
      kind: "directory",
      meta: listMeta(label.many, settings.title, `${label.many} on ${settings.title}, A to Z, with the number of stories in each.`, folder, directoryCrumbs, urls),
      breadcrumbs: directoryCrumbs,
      heading: label.many,
      groups: alphabeticalGroups(index.terms[kind], urls),
    });
    for (const term of index.terms[kind]) {
      const crumbs = [...directoryCrumbs, { name: term.name, url: urls.page(term.path) }];
      const stories = wholeList(term.articles);
      addList(term.path, term.name, termIntro(term, settings.title), stories, crumbs, { label: label.one, feeds: true, archiveIntro: termIntro(term, settings.title, false) });
      addFeeds(term.path, `${term.name} — ${settings.title}`, termIntro(term, settings.title), stories);
    }
  }

  const archiveCrumbs = [home, { name: "Archive", url: urls.page("archive/") }];
  addView("archive/index.html", "directory.njk", {
    kind: "directory",
    meta: listMeta("Archive", settings.title, `Every story on ${settings.title} by year and month.`, "archive/", archiveCrumbs, urls),
    breadcrumbs: archiveCrumbs,
    heading: "Archive",
    groups: index.years.map((year) => ({
      label: year.period,
      id: `year-${year.period}`,
      links: year.children.map((month) => periodLink(month, urls, settings)),
    })),
  });
  const addArchive = (archive: DateArchive, crumbs: Link[]) => {
    // Breadcrumbs carry no counts: an archive page's trail must not change when stories arrive.
    const here = [...crumbs, { name: periodName(archive, settings), url: urls.page(archive.path) }];
    addList(archive.path, periodName(archive, settings), `Stories published in ${periodName(archive, settings)}.`, wholeList(archive.articles), here, {
      label: "Archive",
      periods: archive.children.length > 0 ? archive.children.map((child) => periodLink(child, urls, settings)) : undefined,
    });
    for (const child of archive.children) addArchive(child, here);
  };
  for (const year of index.years) addArchive(year, archiveCrumbs);

  const allTerms = (kind: TermKind) => index.terms[kind].map((t) => t.name);
  addView("search/index.html", "search.njk", {
    kind: "search",
    meta: { title: "Search", documentTitle: documentTitle("Search", settings.title), description: `Search the stories on ${settings.title}.`, canonical: urls.absolutePage("search/"), ogType: "website", jsonLd: [], noindex: true },
    breadcrumbs: [home, { name: "Search", url: urls.page("search/") }],
    heading: "Search",
    filters: { topics: allTerms("topic"), providers: allTerms("provider"), categories: allTerms("category") },
    searchBundles: searchBundles(index, urls),
  });
  addView("404.html", "404.njk", {
    kind: "not-found",
    meta: { title: "Page not found", documentTitle: documentTitle("Page not found", settings.title), description: "There is no page at this address.", canonical: urls.absolutePage("404.html"), ogType: "website", jsonLd: [], noindex: true },
    breadcrumbs: [home],
    heading: "Page not found",
  });

  planSitemaps(pages, index.articles, listed, settings, urls, fingerprint);
  return pages;
}

/** The sitemaps list every story (`stories`, newest first), with a lastmod, and then the other pages' paths in `listed`. */
function planSitemaps(pages: PlannedPage[], stories: readonly IndexedArticle[], listed: string[], settings: PlanSettings, urls: SiteUrls, fingerprint: Fingerprints): void {
  const articles: SitemapEntry[] = stories.map((a) => ({ url: urls.absolutePage(a.path), lastmod: a.summary.updatedDateTime ?? a.summary.publishedDateTime }));
  const others: SitemapEntry[] = listed.map((path) => ({ url: urls.absolutePage(path), lastmod: undefined }));
  const add = (outputPath: string, layout: string, view: View) => pages.push({ outputPath, layout, fingerprint: fingerprint.of(layout, view), view });

  const files = sitemapFiles(articles, others);
  for (const file of files) add(file.path, "sitemap.njk", { kind: "sitemap", entries: file.entries });
  if (files.length > 1) {
    const parts = files.map((file) => ({ url: urls.absolutePage(file.path), lastmod: latestStamp(file.entries.map((e) => e.lastmod)) }));
    add("sitemap.xml", "sitemap-index.njk", { kind: "sitemap-index", sitemaps: parts });
  }

  // The same for the news sitemap, whose files hold at most 1,000 stories each.
  const newsChunks = chunked(recentArticles(stories, settings.now, NEWS_WINDOW_HOURS), NEWS_SITEMAP_LIMIT);
  const newsView = (articles: IndexedArticle[]): View => ({
    kind: "news-sitemap",
    publicationName: settings.title,
    language: settings.language.split("-")[0]!.toLowerCase(),
    entries: articles.map((a) => ({ url: urls.absolutePage(a.path), title: a.summary.title, published: a.summary.publishedDateTime })),
  });
  if (newsChunks.length === 1) {
    add("news-sitemap.xml", "news-sitemap.njk", newsView(newsChunks[0]!));
  } else {
    const parts = newsChunks.map((chunk, i) => {
      add(`news-sitemap-${i + 1}.xml`, "news-sitemap.njk", newsView(chunk));
      return { url: urls.absolutePage(`news-sitemap-${i + 1}.xml`), lastmod: latestStamp(chunk.map((a) => a.summary.publishedDateTime)) };
    });
    add("news-sitemap.xml", "sitemap-index.njk", { kind: "sitemap-index", sitemaps: parts });
  }

  add("robots.txt", "robots.njk", { kind: "robots", sitemaps: [urls.absolutePage("sitemap.xml"), urls.absolutePage("news-sitemap.xml")] });
}

function termIntro(term: Term, siteTitle: string, counted = true): string {
  const count = term.articles.length;
  const stories = counted ? `${count} ${count === 1 ? "story" : "stories"}` : "Stories";
  switch (term.kind) {
    case "topic":
      return `${stories} about ${term.name} on ${siteTitle}, newest first.`;
    case "provider":
      return `${stories} from ${term.name}, newest first. Each links to the original at ${term.name}.`;
    case "category":
      return `${stories} in ${term.name}, newest first.`;
  }
}

function periodName(archive: DateArchive, settings: PlanSettings): string {
  const [year, month, day] = archive.period.split("/").map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  // Noon UTC of that calendar day, printed in UTC, is that day in every language.
  const noon = `${year}-${String(month).padStart(2, "0")}-${String(day ?? 1).padStart(2, "0")}T12:00:00Z`;
  return zonedDates("UTC", settings.language).readable(noon, day === undefined ? "month" : "full");
}

function periodLink(archive: DateArchive, urls: SiteUrls, settings: PlanSettings): Link {
  return { name: periodName(archive, settings), url: urls.page(archive.path), count: archive.articles.length };
}

/**
 * Short, stable digests of everything a page shows. A story's card or feed entry appears on many
 * lists and feeds: a list's fingerprint holds their keys, each computed once per build.
 */
class Fingerprints {
  constructor(
    private readonly cardMaker: CardMaker,
    private readonly feedItemMaker: FeedItemMaker,
  ) {}

  of(layout: string, data: unknown): string {
    return digest(`${layout}\0${JSON.stringify(data)}`);
  }

  ofArticle(revision: string, contextKey: string): string {
    return digest(`article.njk\0${revision}\0${contextKey}`);
  }

  cards(articles: IndexedArticle[]): string[] {
    return articles.map((article) => this.cardMaker.key(article));
  }

  feedItems(articles: IndexedArticle[]): string[] {
    return articles.map((article) => this.feedItemMaker.key(article));
  }
}

/** Where the search page loads Pagefind and its primary index from, and the indexes it merges in. */
function searchBundles(index: SiteIndex, urls: SiteUrls): { primary: string; merged: string[] } {
  const [primary, ...merged] = searchPartitions(index).map((partition) => urls.page(`${partition.folder}/`));
  return { primary: primary!, merged };
}
