import type { FeedView } from "../site/views.ts";

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), the fields Broadsheet fills. */
export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  summary?: string;
  content_text: string;
  date_published: string;
  date_modified?: string;
  image?: string;
  tags?: string[];
  authors: { name: string; url: string }[];
}

/**
 * The JSON Feed for a feed view. Built here rather than in a layout because JSON written by hand
 * in a template breaks on the first stray comma. `date` formats ISO stamps with the site's offset.
 */
export function jsonFeed(view: FeedView, date: (iso: string) => string): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: view.title,
    home_page_url: view.homeUrl,
    feed_url: view.feedUrl.json,
    description: view.description,
    language: view.language,
    items: view.items.map((item) => ({
      id: item.id,
      url: item.url,
      external_url: item.externalUrl,
      title: item.title,
      summary: item.summary || undefined,
      // JSON Feed requires content_html or content_text; the excerpt is all the content there is.
      content_text: item.summary || item.title,
      date_published: date(item.published),
      date_modified: item.updated === undefined ? undefined : date(item.updated),
      image: item.image?.url,
      tags: item.topics.length > 0 ? item.topics : undefined,
      authors: [{ name: item.provider.name, url: item.provider.url }],
    })),
  };
}
