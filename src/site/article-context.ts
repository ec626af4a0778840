import type { IndexedArticle, SiteIndex, Term } from "./site-index.ts";
import type { Link } from "./views.ts";

/**
 * What an article page shows that comes from other documents: its terms' names and URLs and
 * which related stories have pages of ours. Plain data, so it can cross to a worker, and it is
 * hashed with the article's revision to decide whether the page must be rendered again.
 */
export interface ArticleContext {
  sourcePath: string;
  /** Site path without the prefix. */
  path: string;
  provider: Link;
  topics: Link[];
  category?: Link;
  /** Outside story URL → our article's URL, for related items that are in the collection. */
  internalUrls: Record<string, string>;
}

export function articleContext(article: IndexedArticle, index: SiteIndex, prefix: string): ArticleContext {
  const internalUrls: Record<string, string> = {};
  for (const [url, target] of relatedPages(article, index)) internalUrls[url] = prefix + target.path;
  return {
    sourcePath: article.summary.sourcePath,
    path: article.path,
    provider: termLink(article.provider, prefix),
    topics: article.topics.map((t) => termLink(t, prefix)),
    category: article.category ? termLink(article.category, prefix) : undefined,
    internalUrls,
  };
}

/**
 * Everything `articleContext` is made of but the path prefix (in every page's fingerprint through
 * the site hash), as one string. A page's fingerprint is made from this rather than from the
 * context itself, which is built only for the pages that are rendered: at 100,000 stories,
 * building and serialising every context cost half a second of each build.
 */
export function articleContextKey(article: IndexedArticle, index: SiteIndex): string {
  const { provider, category, topics } = article;
  const parts = [article.summary.sourcePath, article.path, provider.name, provider.path, category?.name ?? "", category?.path ?? "", String(topics.length)];
  for (const topic of topics) parts.push(topic.name, topic.path);
  for (const [url, target] of relatedPages(article, index)) parts.push(url, target.path);
  return JSON.stringify(parts);
}

/** The related items that are stories of ours, with those stories. */
function relatedPages(article: IndexedArticle, index: SiteIndex): [string, IndexedArticle][] {
  const found: [string, IndexedArticle][] = [];
  for (const url of article.summary.relatedUrls) {
    const target = index.byStoryUrl.get(url);
    if (target && target !== article) found.push([url, target]);
  }
  return found;
}

export function termLink(term: Term, prefix: string): Link {
  return { name: term.name, url: prefix + term.path };
}
