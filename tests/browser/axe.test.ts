import { describe, expect, inject, it } from "vitest";
import { seriousAxeViolations } from "./helpers/axe.ts";
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

describe.each(SETTINGS)("axe-core at the $viewport width in the $colorScheme colour scheme", ({ viewport, colorScheme }) => {
  it.each(pageKinds(site.dir))("finds no serious or critical violations on the $kind page (/$path)", async ({ path }) => {
    const { page } = await chromium.openShared(viewport, colorScheme);
    await openSitePath(page, site.home, path, { search: true });

    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
