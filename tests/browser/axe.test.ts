import { describe, expect, inject, it } from "vitest";
import { preloadAxe, seriousAxeViolations } from "./helpers/axe.ts";
import type { ViewportName } from "./helpers/chromium.ts";
import { openSitePath } from "./helpers/open-page.ts";
import { pageKinds } from "./helpers/page-kinds.ts";
import { useChromium, type ColorScheme } from "./helpers/session.ts";

const site = inject("site");
const chromium = useChromium();

// Both colour schemes (contrast), and the phone layout; the dark scheme's colours are the same at
// every width, so the phone in the dark scheme is left to the journeys.
const SETTINGS: { viewport: ViewportName; colorScheme: ColorScheme }[] = [
  { viewport: "desktop", colorScheme: "light" },
  { viewport: "desktop", colorScheme: "dark" },
  { viewport: "phone", colorScheme: "light" },
];

describe("the axe-core check", () => {
  it("reports an image without a text alternative and text too faint to read", async () => {
    const { page } = await chromium.open("desktop", "light");
    await page.setContent(`<!doctype html><html lang="en"><title>t</title><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><p style="color:#bbb;background:#fff">faint</p></main>`);

    const rules = (await seriousAxeViolations(page)).map((v) => v.rule);

    expect(rules).toEqual(expect.arrayContaining(["image-alt", "color-contrast"]));
  });
});

describe.each(SETTINGS)("axe-core at the $viewport width in the $colorScheme colour scheme", ({ viewport, colorScheme }) => {
  it.each(pageKinds(site.dir))("finds no serious or critical violations on the $kind page (/$path)", async ({ path }) => {
    const { page } = await chromium.openShared(viewport, colorScheme, { prepare: preloadAxe });
    await openSitePath(page, site.home, path, { search: true });

    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
