import { describe, expect, inject, it } from "vitest";
import { reachableLinks, tabThrough } from "./helpers/keyboard.ts";
import { openSitePath } from "./helpers/open-page.ts";
import { pageKinds } from "./helpers/page-kinds.ts";
import { useChromium } from "./helpers/session.ts";

const site = inject("site");
const chromium = useChromium();

describe("the keyboard check", () => {
  it("reports a link Tab skips and a focused link without a visible indicator", async () => {
    const { page } = await chromium.open("desktop", "light", { reducedMotion: true });
    await page.setContent(`<!doctype html><html lang="en"><title>t</title><style>.bare:focus { outline: none; }</style><a href="/a">shown</a> <a href="/b" tabindex="-1">skipped</a> <a class="bare" href="/c">bare</a>`);
    const links = await reachableLinks(page);

    const stops = await tabThrough(page, links.length + 5);

    const reached = new Set(stops.map((s) => s.linkIndex));
    expect(links.filter((l) => !reached.has(l.index)).map((l) => l.description)).toEqual(['<a href="/b"> skipped']);
    expect(stops.filter((s) => !s.visible).map((s) => s.description.split(" (")[0])).toEqual(['<a href="/c"> bare']);
  });
});

describe.each(["desktop", "phone"] as const)("keyboard only, at the %s width", (viewport) => {
  it.each(pageKinds(site.dir))("reaches every link on the $kind page (/$path) with Tab, with a visible focus", async ({ path }) => {
    // Reduced motion: the page scrolls to each focused link at once instead of smoothly,
    // so the check sees the link where the reader will see it.
    const { page } = await chromium.openShared(viewport, "light", { reducedMotion: true });
    await openSitePath(page, site.home, path, { search: false });
    const links = await reachableLinks(page);

    const stops = await tabThrough(page, links.length + 40);

    const reached = new Set(stops.map((s) => s.linkIndex));
    expect(links.filter((l) => !reached.has(l.index)).map((l) => l.description), "links Tab never reaches").toEqual([]);
    expect(stops.filter((s) => !s.visible).map((s) => s.description), "stops without a visible focus").toEqual([]);
  });
});
