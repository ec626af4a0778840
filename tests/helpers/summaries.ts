import type { ArticleSummary } from "../../src/content/article.ts";
import { slugBase } from "../../src/slug.ts";

let counter = 0;

/** A published story's summary with a unique identity; override any field. */
export function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  counter += 1;
  const title = overrides.title ?? `Story ${counter}`;
  const story: Omit<ArticleSummary, "publishedAt"> & { publishedAt?: number } = {
    sourcePath: `story-${counter}.md`,
    revision: `rev-${counter}`,
    identity: `https://outlet.example/story-${counter}`,
    title,
    excerpt: "An excerpt.",
    type: "article",
    category: "news",
    publishedDateTime: "2026-03-14T08:30:00Z",
    readUrl: `https://outlet.example/story-${counter}`,
    draft: false,
    removed: false,
    topics: [],
    provider: { name: "Harbour Times", domain: "harbourtimes.example" },
    relatedUrls: [],
    titleSlug: slugBase(title),
    ...overrides,
  };
  return { ...story, publishedAt: overrides.publishedAt ?? Date.parse(story.publishedDateTime) };
}
