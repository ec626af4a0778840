import { describe, expect, inject, it } from "vitest";
import { reachableLinks, tabThrough } from "./helpers/keyboard.ts";
import { openSitePath } from "./helpers/open-page.ts";
import { pageKinds } from "./helpers/page-kinds.ts";
import { useChromium } from "./helpers/session.ts";

const site = inject("site");
const chromium = useChromium();
const KINDS = ["home", "story", "story with a video", "topic", "archive", "day", "search", "page not found"];

describe.each(["desktop", "phone"] as const)("keyboard only, at the %s width", (viewport) => {
  it.each(pageKinds(site.dir).filter((k) => KINDS.includes(k.kind)))("reaches every link on the $kind page (/$path) with Tab, with a visible focus", async ({ path }) => {
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
