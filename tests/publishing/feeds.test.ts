import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeHTML } from "entities";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, readOutput, runBuild, storyFields, writeContent } from "../helpers/fixtures.ts";
import { parseXml } from "./parse-output.ts";

const BASE = "https://broadsheet.example";
const SITE_TITLE = `Harbour & Hills <Daily> "Quoted" 'Single'`;
const TRICKY_TITLE = `Fish & Chips <Tonight>: "Best" in 'Town' & more`;
const TRICKY_PROVIDER = "Smith & Sons <Daily>";
const SECRET = "U0VDUkVULUZFRUQtQkxPQg==;c2VjcmV0LWZlZWQ=";
const STORY_COUNT = 55;

/** Story n (1 = oldest) is published n hours after the start of October 2026 (Paris is at +02:00 then). */
function published(n: number): string {
  return new Date(Date.UTC(2026, 9, 1, n)).toISOString().replace(".000Z", "Z");
}
function title(n: number): string {
  return n === STORY_COUNT ? TRICKY_TITLE : `Story number ${n}`;
}
const isAi = (n: number) => n % 3 === 0;
const isStats = (n: number) => n % 5 === 0;
const provider = (n: number) => (n === STORY_COUNT ? TRICKY_PROVIDER : n % 2 === 1 ? "Harbour Times" : "Tech Wire");

function story(n: number): string {
  return documentText(
    storyFields({
      title: title(n),
      excerpt: n === STORY_COUNT ? `Excerpt with <b>tags</b> & "quotes" for ${n}` : `Excerpt for story ${n}.`,
      publishedDateTime: published(n),
      updatedDateTime: n === 54 ? "2026-10-05T10:00:00Z" : undefined,
      originalUrl: `https://outlet.example/stories/${n}?a=1&b=2`,
      webUrl: `https://outlet.example/stories/${n}?a=1&b=2`,
      provider: { name: provider(n), domain: "outlet.example" },
      topics: isAi(n) ? ["AI"] : ["Transport", "R&D <Labs>"],
      category: isStats(n) ? "stats" : "news",
      images: n === 53 ? [] : [{ url: `https://images.outlet.example/${n}.jpg`, width: 1200, height: 800 }],
      secured: SECRET,
    }),
  );
}

/** The stories a feed of `filter` should hold: the newest 50 that match, newest first. */
function expectedTitles(filter: (n: number) => boolean = () => true): string[] {
  const all = Array.from({ length: STORY_COUNT }, (_, i) => STORY_COUNT - i).filter(filter);
  return all.slice(0, 50).map(title);
}

describe("the site-wide and subject feeds of a 55-story site", () => {
  let dir: string;
  let rss: any;
  let atom: any;
  let json: any;
  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, Object.fromEntries(Array.from({ length: STORY_COUNT }, (_, i) => [`story-${i + 1}.md`, story(i + 1)])));
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify({ title: SITE_TITLE, description: "Curated news & more", baseUrl: BASE, timeZone: "Europe/Paris", language: "en-GB" }));
    const run = runBuild(dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    rss = parseXml(readOutput(dir, "feed.xml"), "feed.xml").rss;
    atom = parseXml(readOutput(dir, "atom.xml"), "atom.xml").feed;
    json = JSON.parse(readOutput(dir, "feed.json"));
  });

  describe("RSS 2.0 at /feed.xml", () => {
    it("describes the channel, links to itself and dates the newest item, not the clock", () => {
      const channel = rss.channel;
      expect(rss["@version"]).toBe("2.0");
      expect(channel.title).toBe(SITE_TITLE);
      expect(channel.link).toBe(`${BASE}/`);
      expect(decodeHTML(channel.description)).toBe("Curated news & more");
      expect(channel.language).toBe("en-gb");
      expect(channel.lastBuildDate).toBe("Mon, 05 Oct 2026 10:00:00 +0000");
      expect(channel["atom:link"]).toMatchObject({ "@href": `${BASE}/feed.xml`, "@rel": "self", "@type": "application/rss+xml" });
    });

    it("holds the newest 50 stories, newest first", () => {
      expect(rss.channel.item.map((item: any) => item.title)).toEqual(expectedTitles());
    });

    it("links each item to our article page, as a permalink guid, with an RFC 822 date and offset", () => {
      const item = rss.channel.item[1];
      expect(item.link).toBe(`${BASE}/2026/10/03/story-number-54/`);
      expect(item.guid).toEqual({ "#text": item.link, "@isPermaLink": "true" });
      expect(item.pubDate).toBe("Sat, 03 Oct 2026 06:00:00 +0000");
      expect(decodeHTML(item.description)).toBe("Excerpt for story 54.");
    });

    it("credits the source: provider name, with the provider's feed as the source URL", () => {
      const item = rss.channel.item[1];
      expect(item.source).toEqual({ "#text": "Tech Wire", "@url": `${BASE}/providers/tech-wire/feed.xml` });
      expect(rss.channel.item[0].source["#text"]).toBe(TRICKY_PROVIDER);
    });

    it("gives a category per topic", () => {
      expect(rss.channel.item[1].category).toEqual(["AI"]);
      expect(rss.channel.item[2].category).toEqual(["Transport", "R&D <Labs>"]);
    });

    it("gives the lead image as Media RSS content with its size, and none when the story has no image", () => {
      expect(rss["@xmlns:media"]).toBe("http://search.yahoo.com/mrss/");
      expect(rss.channel.item[1]["media:content"]).toEqual([
        expect.objectContaining({ "@url": "https://images.outlet.example/54.jpg", "@medium": "image", "@width": "1200", "@height": "800" }),
      ]);
      expect(rss.channel.item[2]["media:content"]).toBeUndefined();
    });

    it("links only to article pages that exist", () => {
      const files = new Set(listFiles(join(dir, "dist")));
      for (const item of rss.channel.item) expect(files.has(`${item.link.slice(BASE.length + 1)}index.html`), item.link).toBe(true);
    });
  });

  describe("Atom 1.0 at /atom.xml", () => {
    it("identifies the feed, links to itself and to the home page, and is updated with the newest item", () => {
      expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(atom.id).toBe(`${BASE}/atom.xml`);
      expect(atom.title).toBe(SITE_TITLE);
      expect(atom.updated).toBe("2026-10-05T12:00:00+02:00");
      expect(atom.link).toEqual([
        { "@rel": "self", "@type": "application/atom+xml", "@href": `${BASE}/atom.xml` },
        { "@rel": "alternate", "@type": "text/html", "@href": `${BASE}/` },
      ]);
      expect(atom.author.name).toBe(SITE_TITLE);
    });

    it("holds the newest 50 stories, newest first", () => {
      expect(atom.entry.map((entry: any) => entry.title)).toEqual(expectedTitles());
    });

    it("links each entry to our page and, as related, to the story at its provider", () => {
      const entry = atom.entry[1];
      expect(entry.id).toBe(`${BASE}/2026/10/03/story-number-54/`);
      expect(entry.link).toEqual([
        { "@rel": "alternate", "@type": "text/html", "@href": `${BASE}/2026/10/03/story-number-54/` },
        { "@rel": "related", "@type": "text/html", "@href": "https://outlet.example/stories/54?a=1&b=2", "@title": "Tech Wire" },
      ]);
      expect(entry.author).toEqual({ name: "Tech Wire", uri: `${BASE}/providers/tech-wire/` });
    });

    it("dates entries with the site's offset, updated falling back to published", () => {
      expect(atom.entry[1].published).toBe("2026-10-03T08:00:00+02:00");
      expect(atom.entry[1].updated).toBe("2026-10-05T12:00:00+02:00");
      expect(atom.entry[2].updated).toBe(atom.entry[2].published);
    });

    it("gives a category per topic, the excerpt as summary and the lead image", () => {
      expect(atom.entry[1].category.map((c: any) => c["@term"])).toEqual(["AI"]);
      expect(atom.entry[2].category.map((c: any) => c["@term"])).toEqual(["Transport", "R&D <Labs>"]);
      expect(atom.entry[1].summary).toBe("Excerpt for story 54.");
      expect(atom.entry[1]["media:content"][0]["@url"]).toBe("https://images.outlet.example/54.jpg");
    });
  });

  describe("JSON Feed 1.1 at /feed.json", () => {
    it("has the top-level fields of version 1.1", () => {
      expect(json).toMatchObject({
        version: "https://jsonfeed.org/version/1.1",
        title: SITE_TITLE,
        home_page_url: `${BASE}/`,
        feed_url: `${BASE}/feed.json`,
        language: "en-GB",
      });
      expect(Array.isArray(json.items)).toBe(true);
    });

    it("gives every item the required id and content, newest 50 first", () => {
      expect(json.items.map((item: any) => item.title)).toEqual(expectedTitles());
      for (const item of json.items) {
        expect(typeof item.id).toBe("string");
        expect(typeof (item.content_text ?? item.content_html)).toBe("string");
      }
    });

    it("credits the source and describes each item fully", () => {
      expect(json.items[1]).toEqual({
        id: `${BASE}/2026/10/03/story-number-54/`,
        url: `${BASE}/2026/10/03/story-number-54/`,
        external_url: "https://outlet.example/stories/54?a=1&b=2",
        title: "Story number 54",
        summary: "Excerpt for story 54.",
        content_text: "Excerpt for story 54.",
        date_published: "2026-10-03T08:00:00+02:00",
        date_modified: "2026-10-05T12:00:00+02:00",
        image: "https://images.outlet.example/54.jpg",
        tags: ["AI"],
        authors: [{ name: "Tech Wire", url: `${BASE}/providers/tech-wire/` }],
      });
      expect(json.items[2].tags).toEqual(["Transport", "R&D <Labs>"]);
      expect(json.items[2].image).toBeUndefined();
      expect(json.items[2].date_modified).toBeUndefined();
    });
  });

  it("keeps titles and excerpts with &, < and quotes exact in all three formats", () => {
    expect(rss.channel.item[0].title).toBe(TRICKY_TITLE);
    expect(atom.entry[0].title).toBe(TRICKY_TITLE);
    expect(json.items[0].title).toBe(TRICKY_TITLE);
    const excerpt = `Excerpt with <b>tags</b> & "quotes" for ${STORY_COUNT}`;
    // An RSS description is HTML: the excerpt arrives as escaped HTML that shows the text as written.
    expect(rss.channel.item[0].description).toBe('Excerpt with &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; for 55');
    expect(decodeHTML(rss.channel.item[0].description)).toBe(excerpt);
    expect(atom.entry[0].summary).toBe(excerpt);
    expect(json.items[0].summary).toBe(excerpt);
  });

  describe.each([
    ["topic", "topics/ai/", isAi, "AI"],
    ["provider", "providers/harbour-times/", (n: number) => provider(n) === "Harbour Times", "Harbour Times"],
    ["category", "categories/stats/", isStats, "stats"],
  ] as const)("the %s feeds in %s", (_kind, folder, matches, name) => {
    it("exist in all three formats", () => {
      for (const file of ["feed.xml", "atom.xml", "feed.json"]) expect(existsSync(join(dir, "dist", folder, file)), folder + file).toBe(true);
    });

    it("hold only that subject's stories, newest first, and point at their own folder", () => {
      const folderRss = parseXml(readOutput(dir, `${folder}feed.xml`)).rss.channel;
      const folderAtom = parseXml(readOutput(dir, `${folder}atom.xml`)).feed;
      const folderJson = JSON.parse(readOutput(dir, `${folder}feed.json`));
      const expected = expectedTitles(matches);
      expect(expected.length).toBeGreaterThan(5);
      expect(folderRss.item.map((i: any) => i.title)).toEqual(expected);
      expect(folderAtom.entry.map((e: any) => e.title)).toEqual(expected);
      expect(folderJson.items.map((i: any) => i.title)).toEqual(expected);
      expect(folderRss.title).toContain(name);
      expect(folderRss.link).toBe(`${BASE}/${folder}`);
      expect(folderRss["atom:link"]["@href"]).toBe(`${BASE}/${folder}feed.xml`);
      expect(folderAtom.id).toBe(`${BASE}/${folder}atom.xml`);
      expect(folderJson.feed_url).toBe(`${BASE}/${folder}feed.json`);
    });
  });

  it("exist for every topic, provider and category folder", () => {
    const files = listFiles(join(dir, "dist"));
    const folders = files.filter((f) => /^(topics|providers|categories)\/[^/]+\/index\.html$/.test(f)).map((f) => f.slice(0, -"index.html".length));
    expect(folders.length).toBeGreaterThanOrEqual(3 + 3 + 2);
    for (const folder of folders) {
      for (const file of ["feed.xml", "atom.xml", "feed.json"]) expect(files).toContain(folder + file);
      parseXml(readOutput(dir, `${folder}feed.xml`), `${folder}feed.xml`);
      parseXml(readOutput(dir, `${folder}atom.xml`), `${folder}atom.xml`);
      JSON.parse(readOutput(dir, `${folder}feed.json`));
    }
  });

  it("never carry the secured field", () => {
    for (const file of listFiles(join(dir, "dist")).filter((f) => /\.(xml|json|txt)$/.test(f))) {
      expect(readOutput(dir, file), file).not.toContain(SECRET.slice(0, 12));
    }
  });
});

describe("the feeds of a site with no stories", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, {});
    const run = runBuild(dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("are still valid, with no items", () => {
    const rss = parseXml(readOutput(dir, "feed.xml")).rss;
    expect(rss.channel.title).toBe("Broadsheet");
    expect(rss.channel.item).toBeUndefined();
    const atom = parseXml(readOutput(dir, "atom.xml")).feed;
    expect(atom.id).toBe("http://localhost:8080/atom.xml");
    expect(atom.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    expect(atom.entry).toBeUndefined();
    const json = JSON.parse(readOutput(dir, "feed.json"));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items).toEqual([]);
  });
});
