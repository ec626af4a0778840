import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { ColorScheme, Reader } from "./session.ts";

/** The path of a story page: YYYY/MM/DD/slug/ (see src/site/site-index.ts). */
export const STORY_PATH = /\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

/** Links to story pages inside the page's main content, in page order, as absolute URLs. */
export async function storyLinks(page: Page): Promise<{ title: string; url: string }[]> {
  const links = await page
    .getByRole("main")
    .locator("a[href]")
    .evaluateAll((anchors) => anchors.map((a) => ({ title: (a.textContent ?? "").trim(), url: (a as HTMLAnchorElement).href })));
  return links.filter((link) => STORY_PATH.test(new URL(link.url).pathname));
}

/** The visible page heading. */
export function pageHeading(page: Page): Locator {
  return page.getByRole("heading", { level: 1 });
}

/**
 * What every page the reader reaches must be: served without errors, free of script errors,
 * no wider than the window (no sideways scrolling on a phone), and in the reader's colour scheme.
 */
export async function expectReadable(reader: Reader, colorScheme: ColorScheme): Promise<void> {
  const { page } = reader;
  expect(reader.failedResponses, `failed requests on ${page.url()}`).toEqual([]);
  expect(reader.pageErrors, `script errors on ${page.url()}`).toEqual([]);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} is wider than the ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
  const background = await backgroundLuminance(page);
  if (colorScheme === "dark") expect(background, `${page.url()} background in the dark scheme`).toBeLessThan(0.25);
  else expect(background, `${page.url()} background in the light scheme`).toBeGreaterThan(0.75);
}

/** Relative luminance (0 black … 1 white) of what the reader sees behind the text. */
async function backgroundLuminance(page: Page): Promise<number> {
  const rgb = await page.evaluate(() => {
    const opaque = (color: string) => !/^rgba\(.*,\s*0\)$|^transparent$/.test(color);
    for (const element of [document.body, document.documentElement]) {
      const color = getComputedStyle(element).backgroundColor;
      if (opaque(color)) return color;
    }
    // Neither paints a background: the canvas shows, in the page's used colour scheme.
    const probe = document.createElement("div");
    probe.style.background = "Canvas";
    document.body.append(probe);
    const color = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return color;
  });
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
