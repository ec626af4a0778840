import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, makeTempDir, readOutput, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { HtmlPage, textOf, type Element } from "./html.ts";

const CONFIG = {
  title: "Test Gazette",
  description: "Curated news for tests.",
  baseUrl: "https://gazette.example",
  language: "en-GB",
  timeZone: "UTC",
  pageSize: 2,
};

/** Five transport stories, newest first: two in November, three in October. */
const STORIES = [
  { title: "Tram Depot Opens Its Doors", date: "2026-11-20T09:00:00Z", image: true },
  { title: "Bus Lanes Extended Downtown", date: "2026-11-02T09:00:00Z", image: false },
  { title: "Ferry Fares Frozen", date: "2026-10-25T09:00:00Z", image: true },
  { title: "Cycle Counters Go Live", date: "2026-10-12T09:00:00Z", image: true },
  { title: "Night Buses Return", date: "2026-10-01T09:00:00Z", image: true },
];

const documents = Object.fromEntries(
  STORIES.map((story, i) => [
    `story-${i}.md`,
    documentText(
      storyFields({
        title: story.title,
        excerpt: `About ${story.title.toLowerCase()}.`,
        publishedDateTime: story.date,
        originalUrl: `https://ledger.example/story-${i}`,
        webUrl: `https://ledger.example/story-${i}`,
        provider: { name: "Port Alder Ledger", domain: "ledger.example" },
        topics: i === 0 ? ["Transport", "Harbour"] : ["Transport"],
        images: story.image ? [{ url: `https://images.ledger.example/${i}.jpg`, width: 1600, height: 900 }] : [],
      }),
    ),
  ]),
);

describe("list pages, the pager and directories", () => {
  let dir: string;
  let run: CliRun;
  const pageAt = (path: string) => new HtmlPage(readOutput(dir, path));
  const cardsOf = (page: HtmlPage): Element[] => page.all("article", { class: "card" }, page.one("ol", { class: "cards" }));
  const pagerOf = (page: HtmlPage) => page.one("nav", { "aria-label": "Pagination" });

  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, documents);
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify(CONFIG));
    run = runBuild(dir);
  });

  it("builds without errors", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("heads the home page with the site title and no kicker", () => {
    const home = pageAt("index.html");
    expect(home.all("h1").map(textOf)).toEqual(["Test Gazette"]);
    expect(home.all("p", { class: "kicker" })).toHaveLength(0);
  });

  it("shows the newest stories as an ordered list of cards, each with an h2 link, provider, time and excerpt", () => {
    const cards = cardsOf(pageAt("index.html"));
    expect(cards).toHaveLength(2);
    const home = pageAt("index.html");
    const first = cards[0]!;
    const title = home.one("a", {}, home.one("h2", {}, first));
    expect([textOf(title), title.attribs["href"]]).toEqual(["Tram Depot Opens Its Doors", "/2026/11/20/tram-depot-opens-its-doors/"]);
    expect(home.link("Port Alder Ledger", first)!.attribs["href"]).toBe("/providers/port-alder-ledger/");
    expect(home.one("time", {}, first).attribs["datetime"]).toBe("2026-11-20T09:00:00Z");
    expect(textOf(home.one("p", { class: "card-excerpt" }, first))).toBe("About tram depot opens its doors.");
  });

  it("gives card thumbnails their size and lazy loading, and cards without an image no img", () => {
    const home = pageAt("index.html");
    const [withImage, withoutImage] = cardsOf(home);
    expect(home.one("img", {}, withImage!).attribs).toMatchObject({ width: "1600", height: "900", loading: "lazy", alt: "" });
    expect(home.all("img", {}, withoutImage!)).toHaveLength(0);
  });

  it("links the front page to older stories only", () => {
    const pager = pagerOf(pageAt("index.html"));
    const home = pageAt("index.html");
    expect(home.link(/Older stories/, pager)!.attribs["href"]).toBe("/page/2/");
    expect(home.link(/Newer stories/, pager)).toBeUndefined();
  });

  it("labels archive pages and links them both ways", () => {
    const page2 = pageAt("page/2/index.html");
    const pager = pagerOf(page2);
    expect(page2.link(/Newer stories/, pager)!.attribs["href"]).toBe("/");
    expect(page2.link(/Older stories/, pager)!.attribs["href"]).toBe("/page/1/");
    expect(textOf(page2.one("p", { class: "pager-label" }, pager))).toBe("Page 2");
    const page1 = pageAt("page/1/index.html");
    expect(page1.link(/Older stories/, pagerOf(page1))).toBeUndefined();
  });

  it("leaves the pager out when a list fits one page", () => {
    expect(pageAt("topics/harbour/index.html").all("nav", { "aria-label": "Pagination" })).toHaveLength(0);
  });

  it("puts the list's label above its heading on a topic page, with its intro and feeds", () => {
    const topic = pageAt("topics/transport/index.html");
    expect(textOf(topic.one("p", { class: "kicker" }))).toBe("Topic");
    expect(topic.all("h1").map(textOf)).toEqual(["Transport"]);
    expect(textOf(topic.one("p", { class: "intro" }))).toMatch(/^5 stories about Transport/);
    const feeds = topic.one("p", { class: "list-feeds" });
    expect(topic.all("a", {}, feeds).map((a) => a.attribs["href"])).toEqual(["/topics/transport/feed.xml", "/topics/transport/atom.xml", "/topics/transport/feed.json"]);
    const alternates = topic.all("link", { rel: "alternate", href: /^\/topics\/transport\// });
    expect(alternates.map((l) => l.attribs["type"])).toEqual(["application/rss+xml", "application/atom+xml", "application/feed+json"]);
  });

  it("offers the narrower periods of a date archive with their counts", () => {
    const year = pageAt("2026/index.html");
    const periods = year.one("nav", { class: "periods" });
    const items = year.all("li", {}, periods).map(textOf);
    expect(items).toEqual(["November 2026 2 stories", "October 2026 3 stories"]);
    expect(year.link("November 2026", periods)!.attribs["href"]).toBe("/2026/11/");
  });

  it("lists topics A to Z with a jump list to each letter and story counts", () => {
    const topics = pageAt("topics/index.html");
    expect(topics.all("h1").map(textOf)).toEqual(["Topics"]);
    const jump = topics.one("nav", { "aria-label": "On this page" });
    expect(topics.all("a", {}, jump).map((a) => [textOf(a), a.attribs["href"]])).toEqual([
      ["H", "#letter-h"],
      ["T", "#letter-t"],
    ]);
    const t = topics.one("section", { "aria-labelledby": "letter-t" });
    expect(textOf(topics.one("h2", {}, t))).toBe("T");
    expect(topics.one("h2", {}, t).attribs["id"]).toBe("letter-t");
    expect(topics.all("li", {}, t).map(textOf)).toEqual(["Transport 5 stories"]);
    expect(textOf(topics.one("section", { "aria-labelledby": "letter-h" }))).toContain("Harbour 1 story");
  });

  it("lists the archive by year with a link and count for each month", () => {
    const archive = pageAt("archive/index.html");
    const year = archive.one("section", { "aria-labelledby": "year-2026" });
    expect(archive.all("li", {}, year).map(textOf)).toEqual(["November 2026 2 stories", "October 2026 3 stories"]);
  });

  it("keeps list pages out of the search index", () => {
    for (const path of ["index.html", "page/1/index.html", "topics/transport/index.html", "topics/index.html", "2026/index.html"]) {
      expect(readOutput(dir, path), path).not.toContain("data-pagefind");
    }
  });
});
