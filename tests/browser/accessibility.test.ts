import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousAxeViolations } from "./helpers/axe.ts";
import { reachableLinks, tabThrough } from "./helpers/keyboard.ts";
import { pageKinds } from "./helpers/page-kinds.ts";
import { searchFor } from "./helpers/pagefind.ts";
import { useChromium, type ColorScheme } from "./helpers/session.ts";
import type { ViewportName } from "./helpers/chromium.ts";

const site = inject("site");
const chromium = useChromium();
const kinds = pageKinds(site.dir);

/** Opens a page and waits for the search page's box; with `search`, for results as well. */
async function openKind(page: Page, path: string, options: { search: boolean }): Promise<void> {
  await page.goto(new URL(path, site.home).href);
  if (path !== "search/") return;
  await page.locator(".pagefind-ui__search-input").waitFor();
  if (options.search) await searchFor(page);
}

const AXE_SETTINGS: { viewport: ViewportName; colorScheme: ColorScheme }[] = [
  { viewport: "desktop", colorScheme: "light" },
  { viewport: "desktop", colorScheme: "dark" },
  { viewport: "phone", colorScheme: "light" },
  { viewport: "phone", colorScheme: "dark" },
];

describe.each(AXE_SETTINGS)("axe-core at the $viewport width in the $colorScheme colour scheme", ({ viewport, colorScheme }) => {
  it.each(kinds)("finds no serious or critical violations on the $kind page (/$path)", async ({ path }) => {
    const { page } = await chromium.open(viewport, colorScheme);
    await openKind(page, path, { search: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

const KEYBOARD_KINDS = kinds.filter((k) => ["home", "story", "story with a video", "topic", "archive", "day", "search", "page not found"].includes(k.kind));

describe.each(["desktop", "phone"] as const)("keyboard only, at the %s width", (viewport) => {
  it.each(KEYBOARD_KINDS)("reaches every link on the $kind page (/$path) with Tab, with a visible focus", async ({ path }) => {
    // Reduced motion: the page scrolls to each focused link at once instead of smoothly,
    // so the check sees the link where the reader will see it.
    const { page } = await chromium.open(viewport, "light", { reducedMotion: true });
    await openKind(page, path, { search: false });
    const links = await reachableLinks(page);

    const stops = await tabThrough(page, links.length + 40);

    const reached = new Set(stops.map((s) => s.linkIndex));
    expect(links.filter((l) => !reached.has(l.index)).map((l) => l.description), "links Tab never reaches").toEqual([]);
    expect(stops.filter((s) => !s.visible).map((s) => s.description), "stops without a visible focus").toEqual([]);
  });
});
