import { digest } from "../digest.ts";
import { breadcrumbList, documentTitle } from "./page-meta.ts";
import type { IndexedArticle, Term } from "./site-index.ts";
import type { SiteUrls } from "./site-urls.ts";
import type { Card, FeedItem, FeedLinks, FeedView, Link, PageMeta } from "./views.ts";

export const FEED_FILES: FeedLinks = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

export function feedLinks(folderPath: string, urls: SiteUrls, absolute = false): FeedLinks {
  const at = (file: string) => (absolute ? urls.absolutePage(folderPath + file) : urls.page(folderPath + file));
  return { rss: at(FEED_FILES.rss), atom: at(FEED_FILES.atom), json: at(FEED_FILES.json) };
}

/**
 * Cards are the same on every list, so each article's card is built once per build, and only for
 * lists that are rendered. A card is made of its story's document, its page and its provider, so
 * their digest is its key: list fingerprints hold the keys, and `partialCached` renders each card
 * once per key.
 */
export class CardMaker {
  private readonly cards = new Map<IndexedArticle, Card>();
  private readonly keys = new Map<IndexedArticle, string>();

  constructor(private readonly urls: SiteUrls) {}

  key(article: IndexedArticle): string {
    let key = this.keys.get(article);
    if (key === undefined) this.keys.set(article, (key = digest(`${article.summary.revision}\0${article.path}\0${article.provider.name}\0${article.provider.path}`)));
    return key;
  }

  card(article: IndexedArticle): Card {
    let card = this.cards.get(article);
    if (card === undefined) {
      const s = article.summary;
      card = {
        title: s.title,
        url: this.urls.page(article.path),
        date: s.publishedDateTime,
        excerpt: s.excerpt,
        type: s.type,
        provider: { name: article.provider.name, url: this.urls.page(article.provider.path) },
        image: s.image ? this.urls.image(s.image) : undefined,
        key: this.key(article),
      };
      this.cards.set(article, card);
    }
    return card;
  }
}

export function listMeta(title: string, siteTitle: string, description: string, path: string, crumbs: Link[], urls: SiteUrls, feeds?: FeedLinks & { title: string }): PageMeta {
  const canonical = urls.absolutePage(path);
  const collection = {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name: title,
    description,
    url: canonical,
  };
  return { title, documentTitle: documentTitle(title, siteTitle), description, canonical, ogType: "website", feeds, jsonLd: crumbs.length > 1 ? [collection, breadcrumbList(crumbs, urls)] : [collection] };
}

export function feedItem(article: IndexedArticle, urls: SiteUrls): FeedItem {
  const s = article.summary;
  const url = urls.absolutePage(article.path);
  return {
    id: url,
    title: s.title,
    url,
    externalUrl: s.readUrl,
    summary: s.excerpt,
    published: s.publishedDateTime,
    updated: s.updatedDateTime,
    provider: {
      name: article.provider.name,
      url: urls.absolutePage(article.provider.path),
      feedUrl: urls.absolutePage(article.provider.path + FEED_FILES.rss),
      domain: s.provider.domain,
    },
    topics: article.topics.map((t) => t.name),
    image: s.image ? urls.absoluteImage(s.image, s.title) : undefined,
  };
}

/** Like cards, a story's feed entry is the same in every feed: built once per build, and keyed by what it is made of. */
export class FeedItemMaker {
  private readonly items = new Map<IndexedArticle, FeedItem>();
  private readonly keys = new Map<IndexedArticle, string>();

  constructor(private readonly urls: SiteUrls) {}

  key(article: IndexedArticle): string {
    let key = this.keys.get(article);
    if (key === undefined) {
      const terms = [article.provider, ...article.topics].map((t) => `${t.name}\0${t.path}`).join("\0");
      this.keys.set(article, (key = digest(`${article.summary.revision}\0${article.path}\0${terms}`)));
    }
    return key;
  }

  item(article: IndexedArticle): FeedItem {
    let item = this.items.get(article);
    if (item === undefined) this.items.set(article, (item = feedItem(article, this.urls)));
    return item;
  }
}

export function feedView(title: string, description: string, language: string, folderPath: string, articles: IndexedArticle[], size: number, urls: SiteUrls, items: FeedItemMaker = new FeedItemMaker(urls)): FeedView {
  const entries = articles.slice(0, size).map((a) => items.item(a));
  const updated = entries.reduce((latest, item) => {
    const stamp = item.updated ?? item.published;
    return stamp > latest ? stamp : latest;
  }, "1970-01-01T00:00:00Z");
  return { kind: "feed", title, description, language, homeUrl: urls.absolutePage(folderPath), feedUrl: feedLinks(folderPath, urls, true), updated, items: entries };
}

/** Groups terms A–Z by first letter; names starting with anything else go under "#". */
export function alphabeticalGroups(terms: Term[], urls: SiteUrls): { label: string; id: string; links: Link[] }[] {
  const groups = new Map<string, Link[]>();
  for (const term of terms) {
    const first = term.name.normalize("NFD").charAt(0).toUpperCase();
    const label = /[A-Z]/.test(first) ? first : "#";
    const links = groups.get(label) ?? [];
    links.push({ name: term.name, url: urls.page(term.path), count: term.articles.length });
    groups.set(label, links);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === "#" ? 1 : b === "#" ? -1 : a < b ? -1 : 1))
    .map(([label, links]) => ({ label, id: label === "#" ? "other" : `letter-${label.toLowerCase()}`, links }));
}
