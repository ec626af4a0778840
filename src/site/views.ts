/**
 * The contract between the TypeScript pipeline and the Nunjucks layouts: every layout receives
 * `site` (a SiteView) and `view` (one of the views below) and nothing else. All URLs are ready to
 * print: `url` fields are site paths including the path prefix, `absoluteUrl` fields include the
 * base URL. Text is plain text (layouts escape it); fields ending in `Html` are sanitised HTML.
 */
import type { Action, CourseDetails, Image } from "../content/article.ts";

export interface SiteView {
  title: string;
  description: string;
  language: string;
  baseUrl: string;
  pathPrefix: string;
  timeZone: string;
  /** Site paths of the fixed sections, for the header navigation. */
  nav: Link[];
  /** Fingerprinted asset URLs. */
  assets: { css: string };
  /** Site-wide feeds, for `<link rel="alternate">` on every page. */
  feeds: FeedLinks;
  searchUrl: string;
}

export interface Link {
  name: string;
  url: string;
  count?: number;
}

export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
}

/** What every HTML page puts in its head. */
export interface PageMeta {
  /** The page's own title, without the site name. */
  title: string;
  /** What `<title>` shows: the page's title and the site's name, once. */
  documentTitle: string;
  description: string;
  canonical: string;
  ogType: "article" | "website";
  image?: AbsoluteImage;
  /** Feeds for this page's subject (topic, provider, category) besides the site-wide ones. */
  feeds?: FeedLinks & { title: string };
  /** Structured data, serialised safely by the `jsonLd` filter. */
  jsonLd: object[];
  /** Set on pages search engines should not index (404, search). */
  noindex?: boolean;
}

export interface AbsoluteImage {
  url: string;
  width?: number;
  height?: number;
  alt: string;
}

export interface Card {
  title: string;
  url: string;
  /** ISO 8601, UTC. */
  date: string;
  excerpt: string;
  type: string;
  provider: Link;
  image?: Image;
  /** A digest of the rest of the card: two cards with one key are the same card. */
  key: string;
}

export interface Pager {
  /** e.g. "Page 3 of 12", or undefined on a list that fits one page. */
  label?: string;
  newer?: string;
  older?: string;
}

export interface ArticleView {
  kind: "article";
  meta: PageMeta;
  breadcrumbs: Link[];
  title: string;
  excerpt: string;
  type: string;
  published: string;
  updated?: string;
  /** Where the story lives at its source. */
  readUrl?: string;
  ampUrl?: string;
  provider: Link & { domain?: string; logo?: Image; authors: string[] };
  topics: Link[];
  category?: Link;
  images: Image[];
  featuredHtml?: string;
  bodyHtml?: string;
  actions: Action[];
  course?: CourseDetails;
  related: RelatedView[];
}

export interface RelatedView {
  title: string;
  excerpt: string;
  /** Our own article page when the story is in the collection, else the outside story. */
  url?: string;
  internal: boolean;
  providerName?: string;
  date?: string;
  image?: Image;
}

export interface ListView {
  kind: "list";
  meta: PageMeta;
  breadcrumbs: Link[];
  heading: string;
  /** What the list is, e.g. "Topic", "Provider", "Archive"; absent on the home page. */
  label?: string;
  intro?: string;
  cards: Card[];
  pager: Pager;
  /** Narrower periods on a date archive (months of a year, days of a month). */
  periods?: Link[];
}

export interface DirectoryView {
  kind: "directory";
  meta: PageMeta;
  breadcrumbs: Link[];
  heading: string;
  groups: { label: string; id: string; links: Link[] }[];
}

export interface SimpleView {
  kind: "search" | "not-found";
  meta: PageMeta;
  breadcrumbs: Link[];
  heading: string;
  /** Search filters offered on the search page. */
  filters?: { topics: string[]; providers: string[]; categories: string[] };
  /** The search page's Pagefind bundles: the primary one, and the indexes merged into its search (site/search-partitions.ts). */
  searchBundles?: { primary: string; merged: string[] };
}

export interface FeedView {
  kind: "feed";
  title: string;
  description: string;
  language: string;
  /** Absolute URL of the page the feed belongs to. */
  homeUrl: string;
  /** Absolute URLs of this feed in each format. */
  feedUrl: FeedLinks;
  /** ISO 8601 of the newest item, so an unchanged feed stays byte-identical. */
  updated: string;
  items: FeedItem[];
}

export interface FeedItem {
  id: string;
  title: string;
  /** Absolute URL of our article page. */
  url: string;
  /** The story at its source. */
  externalUrl?: string;
  summary: string;
  published: string;
  updated?: string;
  provider: { name: string; url: string; feedUrl: string; domain?: string };
  topics: string[];
  image?: AbsoluteImage;
}

export interface SitemapView {
  kind: "sitemap";
  entries: { url: string; lastmod?: string }[];
}

export interface SitemapIndexView {
  kind: "sitemap-index";
  sitemaps: { url: string; lastmod?: string }[];
}

export interface NewsSitemapView {
  kind: "news-sitemap";
  publicationName: string;
  language: string;
  entries: { url: string; title: string; published: string }[];
}

export interface RobotsView {
  kind: "robots";
  sitemaps: string[];
}

export type View =
  | ArticleView
  | ListView
  | DirectoryView
  | SimpleView
  | FeedView
  | SitemapView
  | SitemapIndexView
  | NewsSitemapView
  | RobotsView;
