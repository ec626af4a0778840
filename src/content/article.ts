import { slugBase } from "../slug.ts";

/**
 * The validated, normalised shape of one curated-news document.
 *
 * Everything here is safe to hand to a template: text is plain text (templates escape it),
 * URLs have passed the scheme allow-list, HTML fields are already sanitised, dates are ISO
 * strings in UTC. `secured` and unknown fields never get this far.
 */

export interface Image {
  url: string;
  width?: number;
  height?: number;
  title?: string;
}

export interface ProviderRef {
  name: string;
  domain?: string;
  logo?: Image;
  authors: string[];
}

export interface RelatedItem {
  title: string;
  excerpt: string;
  url?: string;
  publishedDateTime?: string;
  type?: string;
  provider?: { name: string; domain?: string };
  image?: Image;
}

export interface Action {
  url: string;
  type?: string;
  title: string;
  attribution?: string;
}

export interface CourseDetails {
  price?: string;
  /** ISO 8601 duration as written, e.g. PT13M34S. */
  length?: string;
  levels: string[];
}

export interface Article {
  /** Path of the source document relative to the content folder, with `/` separators. */
  sourcePath: string;
  /** Hash of the source bytes; changes whenever the document does. */
  revision: string;
  /** What makes two documents the same story: the source URL when there is one. */
  identity: string;
  title: string;
  excerpt: string;
  type: string;
  category?: string;
  /** ISO 8601 in UTC. */
  publishedDateTime: string;
  updatedDateTime?: string;
  /** Where readers are sent: `webUrl`, else `originalUrl`. */
  readUrl?: string;
  originalUrl?: string;
  ampUrl?: string;
  quality?: number;
  heat?: number;
  draft: boolean;
  removed: boolean;
  provider: ProviderRef;
  topics: string[];
  images: Image[];
  related: RelatedItem[];
  /** Sanitised embed HTML (video iframes from allowed hosts only). */
  featuredHtml?: string;
  actions: Action[];
  course?: CourseDetails;
  /** Sanitised HTML rendered from the Markdown body, if the document has one. */
  bodyHtml?: string;
}

/**
 * What lists, feeds, sitemaps and search need of an article. Incremental builds keep these
 * between runs so that unchanged documents need not be read again.
 */
export type ArticleSummary = Pick<
  Article,
  | "sourcePath"
  | "revision"
  | "identity"
  | "title"
  | "type"
  | "category"
  | "publishedDateTime"
  | "updatedDateTime"
  | "readUrl"
  | "draft"
  | "removed"
  | "topics"
> & {
  /** The excerpt cut to card length. */
  excerpt: string;
  provider: { name: string; domain?: string };
  image?: Image;
  /** URLs of related items, so other articles can link to this one's page. */
  relatedUrls: string[];
  /**
   * The title as a URL segment, before collisions with other stories are resolved. Made once
   * per document rather than on every build: slugify was a sixth of planning a big site.
   */
  titleSlug: string;
  /**
   * `publishedDateTime` as milliseconds since 1970, parsed once per document rather than in
   * every build's sorting and publishing rules (three passes over 100,000 stories, 0.1 s).
   */
  publishedAt: number;
};

export const CARD_EXCERPT_LIMIT = 400;

export function summarise(article: Article): ArticleSummary {
  return {
    sourcePath: article.sourcePath,
    revision: article.revision,
    identity: article.identity,
    title: article.title,
    excerpt: truncateText(article.excerpt, CARD_EXCERPT_LIMIT),
    type: article.type,
    category: article.category,
    publishedDateTime: article.publishedDateTime,
    updatedDateTime: article.updatedDateTime,
    readUrl: article.readUrl,
    draft: article.draft,
    removed: article.removed,
    topics: article.topics,
    provider: { name: article.provider.name, domain: article.provider.domain },
    image: article.images[0],
    relatedUrls: article.related.flatMap((item) => (item.url ? [item.url] : [])),
    titleSlug: slugBase(article.title),
    publishedAt: Date.parse(article.publishedDateTime),
  };
}

/** Cuts on a word boundary and marks the cut, so cards stay short whatever the source holds. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Never split a surrogate pair: half an emoji is not valid UTF-8 on disk.
  const highSurrogate = text.charCodeAt(limit - 1) >= 0xd800 && text.charCodeAt(limit - 1) <= 0xdbff;
  const cut = text.slice(0, highSurrogate ? limit - 1 : limit);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > limit * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
