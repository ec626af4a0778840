import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, makeTempDir, readOutput, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";
import { HtmlPage, textOf } from "./html.ts";

const CONFIG = {
  title: "Test Gazette",
  description: "Curated news for tests.",
  baseUrl: "https://gazette.example",
  language: "en-GB",
  timeZone: "Europe/London",
};

const FERRY_PAGE = "2026/07/14/harbour-ferry-adds-night-sailings/index.html";
const WORKERS_PAGE = "2026/07/13/ferry-workers-back-night-timetable/index.html";

const stories = {
  "ferry.md": documentText(
    storyFields({
      publishedDateTime: "2026-07-14T08:30:00Z",
      updatedDateTime: "2026-07-14T10:05:00Z",
      category: "news",
      topics: ["Transport", "Harbour"],
      provider: {
        name: "Harbour Times",
        domain: "harbourtimes.example",
        images: [{ url: "/assets/logos/harbour-times.svg", width: 50, height: 50 }],
        authors: [{ name: "Ada Quay" }],
      },
      images: [{ url: "https://images.harbourtimes.example/ferry.jpg", width: 1200, height: 800 }],
      related: [
        {
          title: "Ferry Workers Back Night Timetable",
          excerpt: "The crews' union agreed the rota.",
          publishedDateTime: "2026-07-13T16:00:00Z",
          webUrl: "https://coastlinewire.example/ferry-workers",
          type: "article",
          provider: { name: "Coastline Wire", domain: "coastlinewire.example" },
        },
        {
          title: "Night Ferries Elsewhere",
          excerpt: "How other harbours run late boats.",
          publishedDateTime: "2026-07-12T09:00:00Z",
          webUrl: "https://valleygazette.example/night-ferries",
          type: "article",
          provider: { name: "Valley Gazette", domain: "valleygazette.example" },
          images: [{ url: "https://images.valleygazette.example/boats.jpg", width: 800, height: 450 }],
        },
      ],
    }),
  ),
  "workers.md": documentText(
    storyFields({
      title: "Ferry Workers Back Night Timetable",
      excerpt: "The crews' union agreed the rota.",
      publishedDateTime: "2026-07-13T16:00:00Z",
      originalUrl: "https://coastlinewire.example/ferry-workers",
      webUrl: "https://coastlinewire.example/ferry-workers",
      provider: { name: "Coastline Wire", domain: "coastlinewire.example" },
      images: [{ url: "https://images.coastlinewire.example/crew.jpg", title: "Crew members at the quay" }],
    }),
  ),
  "markup.md": documentText(
    storyFields({
      title: 'Fares <script>alert("x")</script> & <b>Bold</b> Claims',
      excerpt: "An excerpt with <img src=x onerror=alert(1)> in it.",
      publishedDateTime: "2026-07-10T09:00:00Z",
      originalUrl: "https://harbourtimes.example/fares",
      webUrl: "https://harbourtimes.example/fares",
    }),
  ),
  "video.md": documentText(
    storyFields({
      title: "Watch the Night Ferry Leave",
      type: "video",
      publishedDateTime: "2026-07-09T09:00:00Z",
      originalUrl: "https://harbourtimes.example/video/night-ferry",
      webUrl: "https://harbourtimes.example/video/night-ferry",
      featuredContent: '<iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" title="The night ferry leaves" allowfullscreen></iframe>',
    }),
  ),
  "bad-video.md": documentText(
    storyFields({
      title: "Watch a Clip From Anywhere",
      type: "video",
      publishedDateTime: "2026-07-08T09:00:00Z",
      originalUrl: "https://harbourtimes.example/video/anywhere",
      webUrl: "https://harbourtimes.example/video/anywhere",
      featuredContent: '<iframe src="https://evil.example/embed/1" width="560" height="315"></iframe><script>alert(1)</script>',
    }),
  ),
  "dataset.md": documentText(
    storyFields({
      title: "Ridership Dataset for the Quarter",
      type: "download",
      category: "stats",
      publishedDateTime: "2026-07-07T09:00:00Z",
      originalUrl: undefined,
      webUrl: undefined,
      images: [],
      actions: [{ url: "https://data.example/ridership.csv", type: "download", title: "Download CSV (4 MB)", attribution: "Open Data Office" }],
    }),
  ),
  "course.md": documentText(
    storyFields({
      title: "Build a Departure Board",
      type: "course",
      publishedDateTime: "2026-07-06T09:00:00Z",
      originalUrl: "https://school.example/departure-board",
      webUrl: "https://school.example/departure-board",
      price: "Free",
      length: "PT13M34S",
      levels: ["Beginner", "Intermediate"],
    }),
  ),
};

describe("an article page", () => {
  let dir: string;
  let run: CliRun;
  let page: HtmlPage;
  const pageAt = (path: string) => new HtmlPage(readOutput(dir, path));
  const storyPage = (title: string) => {
    const home = pageAt("index.html");
    const link = home.link(title);
    if (!link) throw new Error(`the home page has no link to "${title}"`);
    return pageAt(`${link.attribs["href"]!.slice(1)}index.html`);
  };

  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, stories);
    writeFileSync(join(dir, "broadsheet.config.json"), JSON.stringify(CONFIG));
    run = runBuild(dir);
    page = pageAt(FERRY_PAGE);
  });

  it("builds, warning only about the embed from a host that is not allowed", () => {
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^warning: bad-video\.md → featuredContent/)]);
  });

  it("has one h1, the headline, inside the article marked for Pagefind", () => {
    const h1s = page.all("h1");
    expect(h1s).toHaveLength(1);
    expect(textOf(h1s[0]!)).toBe("Harbour Ferry Adds Night Sailings");
    const article = page.one("article", { "data-pagefind-body": true });
    expect(page.all("h1", {}, article)).toHaveLength(1);
  });

  it("shows the published and updated times with the site's UTC offset", () => {
    const times = page.all("time", {}, page.one("div", { class: "byline-text" }));
    expect(times.map((t) => t.attribs["datetime"])).toEqual(["2026-07-14T09:30:00+01:00", "2026-07-14T11:05:00+01:00"]);
    expect(textOf(times[0]!)).toContain("14 July 2026");
  });

  it("names the provider with its logo at its size and links to the provider's page", () => {
    const provider = page.one("a", { "data-pagefind-filter": "provider" });
    expect(textOf(provider)).toBe("Harbour Times");
    expect(provider.attribs["href"]).toBe("/providers/harbour-times/");
    const logo = page.one("img", { class: "provider-logo" });
    expect(logo.attribs).toMatchObject({ src: "/assets/logos/harbour-times.svg", width: "50", height: "50" });
    expect(textOf(page.one("p", { class: "byline-provider" }))).toContain("by Ada Quay");
  });

  it("shows the lead image eagerly with its size and alt text, for Pagefind too", () => {
    const figure = page.one("figure", { class: "lead-image" });
    const image = page.one("img", {}, figure);
    expect(image.attribs).toMatchObject({
      src: "https://images.harbourtimes.example/ferry.jpg",
      width: "1200",
      height: "800",
      alt: "Harbour Ferry Adds Night Sailings",
      loading: "eager",
      "data-pagefind-meta": "image[src], image_alt[alt]",
    });
  });

  it("uses the image's own title as alt text when it has one", () => {
    const workers = pageAt(WORKERS_PAGE);
    expect(workers.one("img", { loading: "eager", src: /crew\.jpg$/ }).attribs["alt"]).toBe("Crew members at the quay");
  });

  it("links prominently to the full story at the provider, saying where it goes", () => {
    const readAt = page.one("a", { class: "read-at-link" });
    expect(readAt.attribs["href"]).toBe("https://harbourtimes.example/ferry-night-sailings");
    expect(readAt.attribs["rel"]).toBe("noopener");
    expect(textOf(readAt)).toBe("Read the full story at Harbour Times (harbourtimes.example)");
  });

  it("says the story belongs to its provider", () => {
    expect(textOf(page.one("p", { class: "attribution" }))).toBe(
      "Summary by Test Gazette of a story published by Harbour Times. The story, its words and pictures belong to Harbour Times.",
    );
  });

  it("omits the read-at link when the document has no story URL", () => {
    const dataset = storyPage("Ridership Dataset for the Quarter");
    expect(dataset.all("a", { class: "read-at-link" })).toHaveLength(0);
    expect(dataset.all("p", { class: "attribution" })).toHaveLength(1);
  });

  it("links topics and the category with Pagefind filters", () => {
    const topics = page.all("a", { "data-pagefind-filter": "topic" });
    expect(topics.map((a) => [textOf(a), a.attribs["href"]])).toEqual([
      ["Transport", "/topics/transport/"],
      ["Harbour", "/topics/harbour/"],
    ]);
    const category = page.one("a", { "data-pagefind-filter": "category" });
    expect([textOf(category), category.attribs["href"]]).toEqual(["news", "/categories/news/"]);
  });

  it("links related coverage to our own page when the story is in the collection", () => {
    const related = page.one("section", { class: "related" });
    const internal = page.link("Ferry Workers Back Night Timetable", related)!;
    expect(internal.attribs["href"]).toBe(`/${WORKERS_PAGE.replace(/index\.html$/, "")}`);
    expect(internal.attribs["rel"]).toBeUndefined();
  });

  it("links outside related coverage with rel=noopener, its provider and date", () => {
    const related = page.one("section", { class: "related" });
    const external = page.link(/^Night Ferries Elsewhere/, related)!;
    expect(external.attribs).toMatchObject({ href: "https://valleygazette.example/night-ferries", rel: "noopener" });
    expect(textOf(external)).toContain("(external site: Valley Gazette)");
    const item = page.all("article", { class: "related-item" }, related)[1]!;
    expect(textOf(page.one("p", { class: "related-meta" }, item))).toBe("Valley Gazette · 12 Jul 2026");
    expect(page.one("img", {}, item).attribs).toMatchObject({ width: "800", height: "450", loading: "lazy", alt: "" });
  });

  it("puts no related section on a story without related coverage", () => {
    expect(pageAt(WORKERS_PAGE).all("section", { class: "related" })).toHaveLength(0);
  });

  it("escapes markup in the headline and excerpt everywhere on the page", () => {
    const html = storyPage('Fares <script>alert("x")</script> & <b>Bold</b> Claims').html;
    expect(html).toContain("Fares &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt; Claims");
    expect(html).not.toContain("<b>Bold</b>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/<script>alert/);
  });

  it("embeds a video from an allowed host in a 16:9 wrapper", () => {
    const video = storyPage("Watch the Night Ferry Leave");
    const embed = video.one("div", { class: "embed" });
    expect(video.one("iframe", {}, embed).attribs["src"]).toBe("https://www.youtube-nocookie.com/embed/abc123");
  });

  it("drops an embed from any other host, and the wrapper with it", () => {
    const video = storyPage("Watch a Clip From Anywhere");
    expect(video.all("iframe")).toHaveLength(0);
    expect(video.all("div", { class: "embed" })).toHaveLength(0);
    expect(video.html).not.toContain("evil.example");
  });

  it("lists download actions with their attribution", () => {
    const dataset = storyPage("Ridership Dataset for the Quarter");
    const download = dataset.link("Download CSV (4 MB)")!;
    expect(download.attribs).toMatchObject({ href: "https://data.example/ridership.csv", rel: "noopener" });
    expect(textOf(download.parent!)).toBe("Download CSV (4 MB) from Open Data Office");
  });

  it("shows course details: price, readable length and levels", () => {
    const course = storyPage("Build a Departure Board");
    const details = textOf(course.one("section", { class: "story-course" }));
    expect(details).toContain("Price Free");
    expect(details).toMatch(/Length 13 min(s|utes)?, 34 sec/);
    expect(details).toContain("Level Beginner, Intermediate");
  });

  it("describes itself as an article to crawlers, with JSON-LD that parses", () => {
    expect(page.meta("og:type")).toBe("article");
    expect(page.meta("og:image")).toBe("https://images.harbourtimes.example/ferry.jpg");
    expect(page.meta("og:image:width")).toBe("1200");
    expect(page.meta("twitter:card")).toBe("summary_large_image");
    expect(page.meta("article:published_time")).toBe("2026-07-14T09:30:00+01:00");
    const jsonLd = page.all("script", { type: "application/ld+json" }).map((s) => JSON.parse(textOf(s)));
    const article = jsonLd.find((item) => item["@type"] === "NewsArticle");
    expect(article).toMatchObject({ headline: "Harbour Ferry Adds Night Sailings", datePublished: "2026-07-14T08:30:00Z" });
  });

  it("keeps JSON-LD for a headline with markup inside its script element", () => {
    const markup = storyPage('Fares <script>alert("x")</script> & <b>Bold</b> Claims');
    const scripts = markup.all("script", { type: "application/ld+json" });
    const article = scripts.map((s) => JSON.parse(textOf(s))).find((item) => item["@type"] === "NewsArticle");
    expect(article.headline).toBe('Fares <script>alert("x")</script> & <b>Bold</b> Claims');
  });

  it("carries a breadcrumb trail from home through the provider to this page", () => {
    const trail = page.one("nav", { "aria-label": "Breadcrumb" });
    const links = page.all("a", {}, trail);
    expect(links.map(textOf)).toEqual(["Home", "Harbour Times", "Harbour Ferry Adds Night Sailings"]);
    expect(links.at(-1)!.attribs["aria-current"]).toBe("page");
  });
});
