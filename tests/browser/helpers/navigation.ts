import type { Locator, Page } from "playwright-core";
import { storyLinks } from "./page-checks.ts";
import type { Reader } from "./session.ts";

/** Clicks a link the way a reader does and waits for the page it leads to. */
export async function follow(page: Page, link: Locator): Promise<string> {
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  await link.click();
  await page.waitForURL(href);
  return href;
}

/** Every story on a news list, following its "Older stories" links to the end, in a page of its own. */
export async function allStoriesOf(reader: Reader, listUrl: string): Promise<string[]> {
  const page = await reader.context.newPage();
  try {
    await page.goto(listUrl);
    const urls = (await storyLinks(page)).map((l) => l.url);
    while ((await olderLink(page).count()) > 0) {
      await follow(page, olderLink(page));
      urls.push(...(await storyLinks(page)).map((l) => l.url));
    }
    return urls;
  } finally {
    await page.close();
  }
}

export function olderLink(page: Page): Locator {
  return page.getByRole("link", { name: /older stories/i });
}
