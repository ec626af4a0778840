import type { Page } from "playwright-core";
import { searchFor } from "./pagefind.ts";

/**
 * Opens a site path (from `pageKinds`) under `home`. On the search page it waits for Pagefind's
 * search box and, with `search`, for the results of a query, so they are part of the check.
 */
export async function openSitePath(page: Page, home: string, path: string, options: { search: boolean }): Promise<void> {
  await page.goto(new URL(path, home).href);
  if (path !== "search/") return;
  await page.locator(".pagefind-ui__search-input").waitFor();
  if (options.search) await searchFor(page);
}
