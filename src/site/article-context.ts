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
  for (const url of article.summary.relatedUrls) {
    const target = index.byStoryUrl.get(url);
    if (target && target !== article) internalUrls[url] = prefix + target.path;
  }
  return {
    sourcePath: article.summary.sourcePath,
    path: article.path,
    provider: termLink(article.provider, prefix),
    topics: article.topics.map((t) => termLink(t, prefix)),
    category: article.category ? termLink(article.category, prefix) : undefined,
    internalUrls,
  };
}

export function termLink(term: Term, prefix: string): Link {
  return { name: term.name, url: prefix + term.path };
}
