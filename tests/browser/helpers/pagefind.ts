import type { Page } from "playwright-core";

/*
 * The search page runs Pagefind's default UI; these read it through its documented class names.
 */

/** A word most sample stories share, so the results are many and the filters can narrow them. */
export const SEARCH_QUERY = "port alder";

/** Pagefind shows the first few results and says how many there are: "23 results for port alder". */
export async function resultCount(page: Page): Promise<number> {
  const message = (await page.locator(".pagefind-ui__message").textContent()) ?? "";
  const match = /^(\d+) results? for/.exec(message.trim());
  if (!match) throw new Error(`unexpected Pagefind message: ${message}`);
  return Number(match[1]);
}

export async function resultLinks(page: Page): Promise<string[]> {
  return page.locator(".pagefind-ui__result-link").evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
}

/** Types the query into the search box and waits for the first results. */
export async function searchFor(page: Page, query = SEARCH_QUERY): Promise<void> {
  const input = page.locator(".pagefind-ui__search-input");
  await input.fill(query);
  await page.locator(".pagefind-ui__result").first().waitFor();
}
