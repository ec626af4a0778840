import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { planSite } from "../../src/build/plan-site.ts";
import { resolveConfig } from "../../src/config/site-config.ts";
import { summarise } from "../../src/content/article.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { searchIndexDigest, searchRecords, writeSearchIndex, type SearchIndexFile, type SearchRecord } from "../../src/output/search-index.ts";
import type { SiteIndex } from "../../src/site/site-index.ts";
import { SiteUrls } from "../../src/site/site-urls.ts";
import { documentText, makeTempDir, storyFields, writeContent } from "../helpers/fixtures.ts";

const NOW = "2026-11-24T12:00:00.000Z";
const SECRET = "U0VBUkNILVNFQ1JFVA==;c2VhcmNoLXNlY3JldA==";
const config = resolveConfig({ baseUrl: "https://example.org", pathPrefix: "/news/", language: "en-GB" });
const urls = new SiteUrls(config.baseUrl, config.pathPrefix);

const stories = {
  "ferry.md": documentText(
    storyFields({ topics: ["Transport", "Harbour"], secured: SECRET, images: [{ url: "/assets/ferry.jpg", width: 800, height: 600, title: "The night ferry" }], heat: 8642 }),
  ),
  "tram.md": documentText(
    storyFields({
      title: "Tram Line 4 Opens",
      excerpt: "Passengers rode the new line for free on its first day.",
      publishedDateTime: "2026-03-15T10:00:00Z",
      originalUrl: "https://ledger.example/tram",
      webUrl: undefined,
      provider: { name: "Port Alder Ledger", domain: "ledger.example" },
      topics: ["Transport"],
      category: "Stats",
      images: [],
      secured: SECRET,
    }),
  ),
  "course.md": documentText(
    storyFields({ title: "Learning to Sail", type: "course", category: undefined, originalUrl: "https://school.example/sail", webUrl: undefined, topics: [], secured: SECRET }),
  ),
  "draft.md": documentText(storyFields({ title: "Unpublished Budget Leak", originalUrl: "https://ledger.example/leak", published: false, secured: SECRET })),
};

async function siteIndex(documents: Record<string, string>): Promise<SiteIndex> {
  const dir = makeTempDir();
  const loaded = loadContent(writeContent(dir, documents));
  expect(loaded.errors).toEqual([]);
  return planSite(loaded.articles.map(summarise), { drafts: false, future: false, now: NOW }, { ...config, now: NOW }).index;
}

describe("search records", () => {
  let records: SearchRecord[];
  let byTitle: Map<string, SearchRecord>;
  beforeAll(async () => {
    records = searchRecords((await siteIndex(stories)).articles, urls, config.language);
    byTitle = new Map(records.map((r) => [r.meta.title!, r]));
  });

  it("hold one record per published story, never a draft", () => {
    expect([...byTitle.keys()].sort()).toEqual(["Harbour Ferry Adds Night Sailings", "Learning to Sail", "Tram Line 4 Opens"]);
  });

  it("point at the article page under the path prefix", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.url).toBe("/news/2026/03/15/tram-line-4-opens/");
  });

  it("make the headline, excerpt, topics, provider and category searchable", () => {
    const content = byTitle.get("Tram Line 4 Opens")!.content;
    for (const text of ["Tram Line 4 Opens", "Passengers rode the new line for free on its first day.", "Transport", "Port Alder Ledger", "Stats"]) expect(content).toContain(text);
  });

  it("offer topic, provider and category filters", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.filters).toEqual({ topic: ["Transport"], provider: ["Port Alder Ledger"], category: ["Stats"] });
    expect(byTitle.get("Harbour Ferry Adds Night Sailings")!.filters.topic).toEqual(["Transport", "Harbour"]);
    expect(byTitle.get("Learning to Sail")!.filters).toEqual({ topic: [], provider: ["Harbour Times"], category: [] });
  });

  it("show the lead image from under the path prefix, with its description", () => {
    expect(byTitle.get("Harbour Ferry Adds Night Sailings")!.meta).toEqual({ title: "Harbour Ferry Adds Night Sailings", image: "/news/assets/ferry.jpg", image_alt: "The night ferry" });
    expect(byTitle.get("Tram Line 4 Opens")!.meta.image).toBeUndefined();
  });

  it("sort by publication date and use the site's language", () => {
    expect(byTitle.get("Tram Line 4 Opens")!.sort).toEqual({ date: "2026-03-15T10:00:00Z" });
    expect(records.every((r) => r.language === "en")).toBe(true);
  });

  it("never contain the secured value, or fields the pages do not show", () => {
    const text = JSON.stringify(records);
    expect(text).not.toContain(SECRET.slice(0, 10));
    expect(text).not.toContain("8642");
    expect(text).not.toContain("Unpublished Budget Leak");
  });

  it("have a digest that stays while the same documents are built again", async () => {
    const again = (await siteIndex(stories)).articles;
    const first = (await siteIndex(stories)).articles;
    expect(searchIndexDigest(again, urls, config.language)).toBe(searchIndexDigest(first, urls, config.language));
  });
});

describe("a search index's digest", () => {
  const original = new Set(Object.keys(stories));
  /** The digest and records of the original stories only, so that other documents can change what they show. */
  async function indexOf(documents: Record<string, string>, options: { urls?: SiteUrls; language?: string; primary?: boolean } = {}) {
    const articles = (await siteIndex(documents)).articles.filter((a) => original.has(a.summary.sourcePath));
    const [at, language] = [options.urls ?? urls, options.language ?? config.language];
    return { digest: searchIndexDigest(articles, at, language, options.primary ?? true), records: JSON.stringify(searchRecords(articles, at, language)) };
  }
  const respelt = (fields: Record<string, unknown>) => {
    const documents: Record<string, string> = {};
    for (const n of [1, 2, 3]) documents[`t${n}.md`] = documentText(storyFields({ title: `Ferry Timetable ${n}`, originalUrl: `https://harbourtimes.example/timetable-${n}`, webUrl: undefined, ...fields }));
    return { ...stories, ...documents };
  };
  const sameTitleEarlier = documentText(storyFields({ title: "Tram Line 4 Opens", publishedDateTime: "2026-03-15T06:00:00Z", originalUrl: "https://other.example/tram", webUrl: undefined }));

  // Each change alters the records of stories whose documents did not change, or the settings;
  // the digest, made without building the records, must change with them.
  it.each([
    ["an excerpt is edited", { documents: { ...stories, "tram.md": stories["tram.md"].replace("for free", "at no charge") } }],
    ["other stories outvote a topic's spelling", { documents: respelt({ topics: ["TRANSPORT"] }) }],
    ["other stories outvote a provider's spelling", { documents: respelt({ provider: { name: "HARBOUR TIMES", domain: "harbourtimes.example" } }) }],
    ["other stories outvote a category's spelling", { documents: respelt({ category: "NEWS" }) }],
    ["an earlier story of the same day takes the headline's address", { documents: { ...stories, "a-tram.md": sameTitleEarlier } }],
    ["the path prefix changes", { urls: new SiteUrls(config.baseUrl, "/") }],
    ["the site's language changes", { language: "de" }],
  ] as [string, { documents?: Record<string, string>; urls?: SiteUrls; language?: string }][])("changes with the records when %s", async (_, change) => {
    const [before, after] = [await indexOf(stories), await indexOf(change.documents ?? stories, change)];
    expect(after.records).not.toBe(before.records);
    expect(after.digest).not.toBe(before.digest);
  });

  it("changes when an index becomes the primary, which carries the scripts", async () => {
    expect((await indexOf(stories, { primary: false })).digest).not.toBe((await indexOf(stories)).digest);
  });
});

describe("the Pagefind bundle written from the records", () => {
  let outDir: string;
  let files: SearchIndexFile[];
  let indexText: string;
  beforeAll(async () => {
    outDir = join(makeTempDir(), "pagefind");
    files = await writeSearchIndex(searchRecords((await siteIndex(stories)).articles, urls, config.language), outDir);
    // Pagefind's index files are gzipped; read them as the browser would.
    indexText = files
      .filter((f) => /\.pf_(fragment|filter|meta|index)$/.test(f.path))
      .map((f) => gunzipSync(f.content).toString("utf8"))
      .join("\n");
  }, 60_000);

  it("holds the script, the default UI and the index", () => {
    const paths = files.map((f) => f.path);
    for (const path of ["pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"]) expect(paths).toContain(path);
    expect(paths.some((p) => p.startsWith("fragment/"))).toBe(true);
    expect(readdirSync(outDir, { recursive: true })).toEqual(expect.arrayContaining(paths));
  });

  it("indexes the stories in the site's language", () => {
    const entry = JSON.parse(readFileSync(join(outDir, "pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    expect(entry.languages.en.page_count).toBe(3);
  });

  it("carries the stories, their prefixed URLs and the three filters", () => {
    for (const text of ["Tram Line 4 Opens", "/news/2026/03/15/tram-line-4-opens/", "topic", "provider", "category", "Port Alder Ledger", "Harbour"]) expect(indexText).toContain(text);
  });

  it("never holds the secured value or an unpublished story", () => {
    expect(indexText).not.toContain(SECRET.slice(0, 10));
    expect(indexText).not.toContain("Unpublished Budget Leak");
    for (const file of files) expect(Buffer.from(file.content).toString("latin1")).not.toContain(SECRET.slice(0, 10));
  });
});
