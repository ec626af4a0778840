import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expectReadable, pageHeading, storyLinks, STORY_PATH } from "./helpers/page-checks.ts";
import { allStoriesOf, follow, olderLink } from "./helpers/navigation.ts";
import { filteredResultCount, openTopicFilters, resultCount, resultLinks, searchFor, topicFilterGroup } from "./helpers/pagefind.ts";
import { PROJECT_ROOT } from "./helpers/sample-site.ts";
import { READER_SETTINGS, useChromium, type Reader } from "./helpers/session.ts";

const site = inject("site");
const prefixedSite = inject("prefixedSite");
const siteTitle = (JSON.parse(readFileSync(join(PROJECT_ROOT, "broadsheet.config.json"), "utf8")) as { title: string }).title;
const chromium = useChromium();

async function headingText(page: Page): Promise<string> {
  return ((await pageHeading(page).textContent()) ?? "").trim();
}

function newerLink(page: Page) {
  return page.getByRole("link", { name: /newer stories/i });
}

/** The first link in the main content to `url` (whose href may spell a non-ASCII path either way). */
function mainLinkTo(page: Page, url: string) {
  const path = new URL(url).pathname;
  return page.getByRole("main").locator(`a[href="${path}"], a[href="${decodeURI(path)}"]`).first();
}

/** The dates (ISO) of the stories a list page shows. */
async function listedDates(page: Page): Promise<string[]> {
  return page.getByRole("main").locator("article time[datetime]").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
}

function earliest(dates: string[]): string {
  return [...dates].sort()[0] ?? "";
}

function publishedStoryCount(dir: string): number {
  return readdirSync(dir, { recursive: true })
    .map((p) => `/${String(p).split("\\").join("/")}`)
    .filter((p) => p.endsWith("/index.html") && STORY_PATH.test(p.slice(0, -"index.html".length))).length;
}

describe.each(READER_SETTINGS)("a reader at the $viewport width in the $colorScheme colour scheme", ({ viewport, colorScheme }) => {
  /** Lands on the home page and opens the newest story, as every journey below begins. */
  async function openNewestStory(reader: Reader): Promise<{ title: string; url: string }> {
    const { page } = reader;
    await page.goto(site.home);
    const [newest] = await storyLinks(page);
    if (!newest) throw new Error("the home page lists no stories");
    await follow(page, mainLinkTo(page, newest.url));
    return newest;
  }

  it("lands on the home page and opens the newest story", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    const response = await page.goto(site.home);
    expect(response?.status()).toBe(200);
    expect(await headingText(page)).toBe(siteTitle);
    const stories = await storyLinks(page);
    expect(stories.length).toBeGreaterThan(0);
    await expectReadable(reader, colorScheme);

    await follow(page, mainLinkTo(page, stories[0]!.url));

    expect(page.url()).toBe(stories[0]!.url);
    expect(await headingText(page)).toBe(stories[0]!.title);
    await expectReadable(reader, colorScheme);
  });

  it("follows a topic from a story to the topic's page, which lists that story", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    const story = await openNewestStory(reader);
    const topic = page.getByRole("main").locator('a[href*="/topics/"]').first();
    const topicName = ((await topic.textContent()) ?? "").trim();

    const topicUrl = await follow(page, topic);

    expect(new URL(topicUrl).pathname).toMatch(/^\/topics\/[^/]+\/$/);
    expect(await headingText(page)).toBe(topicName);
    expect((await storyLinks(page)).map((l) => l.url)).toContain(story.url);
    await expectReadable(reader, colorScheme);
  });

  it("pages from the home page to older stories until every story has been listed, and back to newer ones", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    await page.goto(site.home);
    const homeDates = await listedDates(page);
    const seen = new Set((await storyLinks(page)).map((l) => l.url));
    const visited = [site.home];

    while ((await olderLink(page).count()) > 0) {
      visited.push(await follow(page, olderLink(page)));
      const dates = await listedDates(page);
      expect(dates.length).toBeGreaterThan(0);
      expect(earliest(dates) < earliest(homeDates), "an older page reaches further back than the home page").toBe(true);
      for (const link of await storyLinks(page)) seen.add(link.url);
      await expectReadable(reader, colorScheme);
    }

    expect(visited.length, "the home page links to older stories").toBeGreaterThan(1);
    expect(seen.size).toBe(publishedStoryCount(site.dir));
    await follow(page, newerLink(page));
    expect(page.url()).toBe(visited.at(-2));
  });

  it("opens a story's provider, whose page lists the story", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    const story = await openNewestStory(reader);
    const provider = page.getByRole("main").locator('a[href*="/providers/"]').first();
    const providerName = ((await provider.textContent()) ?? "").trim();

    const providerUrl = await follow(page, provider);

    expect(new URL(providerUrl).pathname).toMatch(/^\/providers\/[^/]+\/$/);
    expect(await headingText(page)).toBe(providerName);
    expect(await allStoriesOf(reader, providerUrl)).toContain(story.url);
    await expectReadable(reader, colorScheme);
  });

  it("uses the date archive: from the archive to a month, a day, and a story of that day", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    await page.goto(site.home);
    await follow(page, page.getByRole("banner").getByRole("link", { name: "Archive", exact: true }));
    expect(new URL(page.url()).pathname).toBe("/archive/");
    await expectReadable(reader, colorScheme);

    const monthLinks = await page.getByRole("main").locator("a[href]").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /^\/\d{4}\/\d{2}\/$/.test(p)));
    expect(monthLinks.length).toBeGreaterThan(0);
    const monthPath = monthLinks[0]!;
    await follow(page, page.getByRole("main").locator(`a[href="${monthPath}"]`).first());
    const monthStories = await storyLinks(page);
    expect(monthStories.length).toBeGreaterThan(0);
    for (const story of monthStories) expect(new URL(story.url).pathname.startsWith(monthPath), `${story.url} is in ${monthPath}`).toBe(true);
    await expectReadable(reader, colorScheme);

    const dayPath = new URL(monthStories[0]!.url).pathname.split("/").slice(0, 4).join("/") + "/";
    await follow(page, page.getByRole("main").locator(`a[href="${dayPath}"]`).first());
    const dayStories = await storyLinks(page);
    expect(dayStories.length).toBeGreaterThan(0);
    for (const story of dayStories) expect(new URL(story.url).pathname.startsWith(dayPath), `${story.url} is in ${dayPath}`).toBe(true);
    await expectReadable(reader, colorScheme);

    await follow(page, mainLinkTo(page, dayStories[0]!.url));
    expect(await headingText(page)).toBe(dayStories[0]!.title);
  });

  it("searches the stories and narrows the results to one topic", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    await page.goto(site.home);
    await follow(page, page.getByRole("banner").getByRole("link", { name: "Search", exact: true }));
    const input = page.locator(".pagefind-ui__search-input");
    await input.waitFor();
    await expectReadable(reader, colorScheme);

    await searchFor(page);
    const allResults = await resultCount(page);
    expect(allResults).toBeGreaterThan(1);

    // Pagefind lists each topic with a number of stories; pick one that narrows the list.
    await openTopicFilters(page);
    const options = await topicFilterOptions(reader);
    const narrowing = options.find((o) => o.count > 0 && o.count < allResults);
    expect(narrowing, `a topic filter that narrows ${allResults} results (offered: ${JSON.stringify(options)})`).toBeDefined();
    await page.getByRole("checkbox", { name: narrowing!.label }).check();
    const filtered = await filteredResultCount(page, narrowing!.name);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(allResults);

    const topicStories = await allStoriesOf(reader, narrowing!.topicUrl);
    const shown = await resultLinks(page);
    expect(shown.length).toBeGreaterThan(0);
    for (const url of shown) expect(topicStories, `${url} is about ${narrowing!.name}`).toContain(url);
    await expectReadable(reader, colorScheme);
  });

  it("reaches the original story at its publisher from a story page", async () => {
    const reader = await chromium.open(viewport, colorScheme);
    const { page } = reader;
    await openNewestStory(reader);
    const original = page.getByRole("main").getByRole("link", { name: /read the full story/i });
    const href = await original.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).protocol).toBe("https:");
    expect(new URL(href).hostname).not.toBe("127.0.0.1");
    await expectReadable(reader, colorScheme);

    await follow(page, original);

    expect(page.url()).toBe(href);
    expect(reader.external).toContain(href);
    expect(await page.locator("#outside-url").textContent()).toBe(href);
  });
});

/** The topic checkboxes Pagefind offers: "Harbour (12)" → name, count, and the topic's page. */
async function topicFilterOptions(reader: Reader): Promise<{ label: string; name: string; count: number; topicUrl: string }[]> {
  const labels = await topicFilterGroup(reader.page).locator("label").allTextContents();
  const topicUrls = await topicDirectory(reader);
  const options = [];
  for (const label of labels.map((l) => l.trim().replace(/\s+/g, " "))) {
    const match = /^(.*?)\s*\((\d+)\)$/.exec(label);
    const topicUrl = match && topicUrls.get(match[1]!);
    if (match && topicUrl) options.push({ label, name: match[1]!, count: Number(match[2]), topicUrl });
  }
  return options;
}

/** Topic name → the topic's page, from the site's topic directory, the way a reader finds them. */
async function topicDirectory(reader: Reader): Promise<Map<string, string>> {
  const page = await reader.context.newPage();
  try {
    await page.goto(new URL("/topics/", reader.page.url()).href);
    const links = await page.getByRole("main").locator('a[href*="/topics/"]').evaluateAll((as) => as.map((a) => [a.firstChild?.textContent?.trim() ?? "", (a as HTMLAnchorElement).href] as const));
    return new Map(links.filter(([, url]) => /\/topics\/[^/]+\/$/.test(url)));
  } finally {
    await page.close();
  }
}

describe("the site hosted under a sub-path (/news/)", () => {
  it("keeps a reader under /news/ from the home page through a story, its topic and provider, the archive and search", async () => {
    const reader = await chromium.open("desktop", "light");
    const { page } = reader;
    const visited: string[] = [];
    await page.goto(prefixedSite.home);
    visited.push(page.url());
    const [newest] = await storyLinks(page);
    visited.push(await follow(page, mainLinkTo(page, newest!.url)));
    expect(await headingText(page)).toBe(newest!.title);
    visited.push(await follow(page, page.getByRole("main").locator('a[href*="/topics/"]').first()));
    await page.goBack();
    visited.push(await follow(page, page.getByRole("main").locator('a[href*="/providers/"]').first()));
    visited.push(await follow(page, page.getByRole("banner").getByRole("link", { name: "Archive", exact: true })));
    visited.push(await follow(page, page.getByRole("banner").getByRole("link", { name: "Search", exact: true })));
    await searchFor(page);
    const results = await resultLinks(page);
    visited.push(await follow(page, page.locator(".pagefind-ui__result-link").first()));

    for (const url of [...visited, ...results]) expect(url.startsWith(prefixedSite.home), `${url} is under ${prefixedSite.home}`).toBe(true);
    expect(reader.failedResponses).toEqual([]);
    expect(reader.pageErrors).toEqual([]);
  });
});
