import type { Locator, Page } from "playwright-core";

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

/**
 * After a filter is ticked, waits until Pagefind has searched again: the results message and the
 * ticked filter's own count agree ("4 results for …", "AI (4)"), and returns that number.
 * (Before a search settles, Pagefind may still show each filter's count over the whole site.)
 */
export async function filteredResultCount(page: Page, filterValue: string): Promise<number> {
  const read = () =>
    page.evaluate((value) => {
      const message = /^(\d+) results? for/.exec(document.querySelector(".pagefind-ui__message")?.textContent?.trim() ?? "");
      const box = [...document.querySelectorAll<HTMLInputElement>(".pagefind-ui__filter-checkbox")].find((b) => b.checked && b.value === value);
      const label = box && /\((\d+)\)\s*$/.exec(document.querySelector(`label[for="${CSS.escape(box.id)}"]`)?.textContent ?? "");
      return { results: message ? Number(message[1]) : undefined, filter: label ? Number(label[1]) : undefined };
    }, filterValue);
  const deadline = Date.now() + 10_000;
  for (let state = await read(); ; state = await read()) {
    if (state.results !== undefined && state.results === state.filter) return state.results;
    if (Date.now() > deadline) throw new Error(`Pagefind did not settle after ticking ${filterValue}: ${JSON.stringify(state)}`);
    await page.waitForTimeout(100);
  }
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

/** Pagefind's "Topic" filter group, a <details> element. */
export function topicFilterGroup(page: Page): Locator {
  return page.locator("details.pagefind-ui__filter-block").filter({ has: page.locator("summary", { hasText: /topic/i }) });
}

/** Pagefind folds each filter group into a <details>; the reader opens "Topic". */
export async function openTopicFilters(page: Page): Promise<void> {
  await topicFilterGroup(page).locator("summary").click();
}
