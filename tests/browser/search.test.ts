import { readdirSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { allStoriesOf } from "./helpers/navigation.ts";
import { pageHeading, STORY_PATH } from "./helpers/page-checks.ts";
import { filteredResultCount, openTopicFilters, resultLinks, searchFor } from "./helpers/pagefind.ts";
import { useChromium, type Reader } from "./helpers/session.ts";

/*
 * The search is one Pagefind index per period, merged on the search page
 * (src/site/search-partitions.ts). The sample site spans two years, so it has two indexes: these
 * check that a reader searches both as one.
 */

const chromium = useChromium();

/** The site's story paths, e.g. `2025/05/20/slug/`, oldest first (a story's path begins with its date). */
function storyPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((p) => String(p).split("\\").join("/"))
    .filter((p) => p.endsWith("/index.html") && STORY_PATH.test(`/${p.slice(0, -"index.html".length)}`))
    .map((p) => p.slice(0, -"index.html".length))
    .sort();
}

/** The year in a story's address. */
function yearOf(url: string): string {
  return /\/(\d{4})\/\d{2}\/\d{2}\/[^/]+\/$/.exec(url)![1]!;
}

async function heading(reader: Reader, url: string): Promise<string> {
  await reader.page.goto(url);
  return ((await pageHeading(reader.page).textContent()) ?? "").trim();
}

describe.each([
  { where: "at the root", site: inject("site") },
  { where: "under /news/", site: inject("prefixedSite") },
])("search over every period, with the site $where", ({ site }) => {
  const paths = storyPaths(site.dir);
  const oldest = new URL(paths[0]!, site.home).href;
  const newest = new URL(paths.at(-1)!, site.home).href;

  it("spans more than one year, so that it has more than one index", () => {
    expect(yearOf(oldest)).not.toBe(yearOf(newest));
  });

  it("finds the oldest story by its headline, and links to its page", async () => {
    const reader = await chromium.open("desktop", "light");
    const title = await heading(reader, oldest);
    await reader.page.goto(new URL("search/", site.home).href);
    await searchFor(reader.page, title);
    expect(await resultLinks(reader.page)).toContain(oldest);
    expect(reader.failedResponses).toEqual([]);
    expect(reader.pageErrors).toEqual([]);
  });

  it("counts a topic's stories of every year under its filter", async () => {
    const reader = await chromium.open("desktop", "light");
    await reader.page.goto(oldest);
    // A topic of the oldest story that has stories of the newest year too.
    const topics = await reader.page.getByRole("main").locator('a[href*="/topics/"]').evaluateAll((as) => as.map((a) => ({ name: (a.textContent ?? "").trim(), url: (a as HTMLAnchorElement).href })));
    let chosen: { name: string; stories: string[] } | undefined;
    for (const topic of topics) {
      const stories = await allStoriesOf(reader, topic.url);
      const years = new Set(stories.map(yearOf));
      if (years.size > 1) chosen = { name: topic.name, stories };
      if (chosen) break;
    }
    expect(chosen, `a topic of ${oldest} with stories of more than one year`).toBeDefined();

    // Every story carries its topics' names in its searchable text (src/output/search-index.ts),
    // so a search for the name, narrowed to the topic, finds exactly the topic's stories.
    await reader.page.goto(new URL("search/", site.home).href);
    await searchFor(reader.page, chosen!.name);
    await openTopicFilters(reader.page);
    await reader.page.getByRole("checkbox", { name: new RegExp(`^${chosen!.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\(\\d+\\)$`) }).check();
    expect(await filteredResultCount(reader.page, chosen!.name)).toBe(chosen!.stories.length);
  });
});
