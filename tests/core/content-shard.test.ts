import { describe, expect, it } from "vitest";
import type { CachedDocument, ContentCache } from "../../src/content/content-cache.ts";
import { decodeShardInto, encodeShard } from "../../src/output/content-shard.ts";
import { summarise, type ArticleSummary } from "../../src/content/article.ts";
import { loadDocument } from "../../src/content/load-content.ts";
import { documentText, storyFields } from "../helpers/fixtures.ts";
import { summary } from "../helpers/summaries.ts";

/** A document's summary as a build makes it. */
function parsed(file: string, fields: Record<string, unknown>): ArticleSummary {
  const loaded = loadDocument(file, Buffer.from(documentText(storyFields(fields))));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return summarise(loaded.article);
}

function roundTrip(entries: ContentCache): ContentCache {
  const back: ContentCache = new Map();
  decodeShardInto(encodeShard(entries), back);
  return back;
}

describe("content shards", () => {
  it("read back every field of a summary that has them all, in the order a parsed document has them", () => {
    const full = parsed("posts/full.md", {
      updatedDateTime: "2026-03-15T10:00:00Z",
      published: false,
      topics: ["Space", "Mars", "Space agencies"],
      provider: { name: "Orbit Weekly", domain: "orbit.example" },
      images: [{ url: "https://orbit.example/a.jpg", width: 640, height: 480, title: "A crater" }],
      related: [{ title: "Earlier", excerpt: "Before.", webUrl: "https://orbit.example/earlier" }, { title: "Elsewhere", excerpt: "Also.", webUrl: "https://other.example/x" }],
    });
    expect(full.draft).toBe(true);
    expect(full.relatedUrls).toHaveLength(2);
    const entry: CachedDocument = { size: 1234, mtimeMs: 1_700_000_000_123.5, summary: full, errors: undefined, warnings: [{ file: "posts/full.md", field: "heat", reason: "is ignored" }] };
    const back = roundTrip(new Map([["posts/full.md", entry]])).get("posts/full.md")!;
    expect(back).toStrictEqual(entry);
    expect(Object.keys(back.summary!)).toEqual(Object.keys(full));
    expect(JSON.stringify(back)).toBe(JSON.stringify(entry));
  });

  it("read back a summary without its optional fields, leaving them undefined", () => {
    const bare = parsed("bare.md", { category: undefined, webUrl: undefined, originalUrl: undefined, provider: { name: "Solo" }, images: undefined, topics: [] });
    expect([bare.category, bare.readUrl, bare.provider.domain, bare.image]).toEqual([undefined, undefined, undefined, undefined]);
    const back = roundTrip(new Map([["bare.md", { size: 1, mtimeMs: 2, summary: bare, errors: undefined, warnings: undefined }]])).get("bare.md")!;
    expect(back.summary).toStrictEqual(bare);
  });

  it("read back documents with errors and no summary between documents with summaries", () => {
    const entries: ContentCache = new Map();
    entries.set("a.md", { size: 1, mtimeMs: 1, summary: summary({ sourcePath: "a.md", topics: ["Rail"] }), errors: undefined, warnings: undefined });
    entries.set("broken.md", { size: 2, mtimeMs: 2, summary: undefined, errors: [{ file: "broken.md", field: "title", reason: "is required — 東京 😀" }], warnings: undefined });
    entries.set("c.md", { size: 3, mtimeMs: 3, summary: summary({ sourcePath: "c.md", topics: ["Rail", "Trams"] }), errors: undefined, warnings: undefined });
    expect(roundTrip(entries)).toStrictEqual(entries);
  });

  it("read back texts in any script, between texts in ASCII and Latin-1, and empty ones", () => {
    const entries: ContentCache = new Map();
    const titles = ["Plain headline", "Zürich café opens", "東京 rail 😀 strike", "", "Ångström à la carte", "Кириллица"];
    for (const [i, title] of titles.entries()) {
      const file = `posts/${i}.md`;
      entries.set(file, { size: i, mtimeMs: i, summary: summary({ sourcePath: file, title, excerpt: `${title} — more`, relatedUrls: [`https://outlet.example/${i}`] }), errors: undefined, warnings: undefined });
    }
    expect(roundTrip(entries)).toStrictEqual(entries);
  });

  it("read back a summary whose source path is not its document's key", () => {
    const moved = summary({ sourcePath: "elsewhere/story.md" });
    const back = roundTrip(new Map([["story.md", { size: 1, mtimeMs: 1, summary: moved, errors: undefined, warnings: undefined }]]));
    expect(back.get("story.md")!.summary!.sourcePath).toBe("elsewhere/story.md");
  });

  it("adds to the documents already read, keeping them", () => {
    const content: ContentCache = new Map([["first.md", { size: 9, mtimeMs: 9 }]]);
    decodeShardInto(encodeShard(new Map([["second.md", { size: 1, mtimeMs: 1, summary: summary({ sourcePath: "second.md" }) }]])), content);
    expect([...content.keys()]).toEqual(["first.md", "second.md"]);
  });
});
