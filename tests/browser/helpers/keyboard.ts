import type { Page } from "playwright-core";

const FRAME_PRESSES = 200;

export interface FocusStop {
  /** The element's position among the page's `a[href]` elements, or -1 for anything else. */
  linkIndex: number;
  description: string;
  /** A focus indicator is drawn (outline or box shadow) and the element is in the viewport. */
  visible: boolean;
}

/**
 * Presses Tab from the top of the page until focus leaves the page or comes round again,
 * recording where it stops and whether the reader can see it there.
 */
export async function tabThrough(page: Page, maxStops: number): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  // Presses inside an embedded frame (whose content, a player or a browser error page, has
  // stops of its own) do not count against `maxStops`, up to a generous limit.
  for (let presses = 0; stops.length < maxStops && presses < maxStops + FRAME_PRESSES; presses += 1) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(async () => {
      // Focus leaving an embedded frame (a process of its own) reaches this document a moment
      // later; until then the body is active. Only a body that stays active means focus left the page.
      const settled = async () => {
        for (let wait = 0; wait < 25 && (!document.activeElement || document.activeElement === document.body); wait += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return document.activeElement;
      };
      const active = await settled();
      if (!active || active === document.body) return undefined;
      const inspect = () => {
        const style = getComputedStyle(active);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== "none";
        const box = active.getBoundingClientRect();
        const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
        const why = `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}, box ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)} in ${window.innerWidth}×${window.innerHeight}`;
        return { visible: (outline || shadow) && onScreen, why };
      };
      let look = inspect();
      // Give the page frames to paint the focus state and finish scrolling to it: two were once
      // not enough for the skip link (found focused and styled, but 72 px above a page that had
      // scrolled). A stop that stays invisible for ten frames is reported.
      for (let frames = 0; !look.visible && frames < 10; frames += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        look = inspect();
      }
      const links = [...document.querySelectorAll("a[href]")];
      const text = (active.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
      const href = active.getAttribute("href");
      return {
        linkIndex: links.indexOf(active),
        description: `<${active.tagName.toLowerCase()}${href ? ` href="${href}"` : ""}> ${text}${look.visible ? "" : ` (${look.why})`}`,
        visible: look.visible,
        key: `${links.indexOf(active)}:${active.tagName}:${text}`,
        inFrame: active.tagName === "IFRAME",
      };
    });
    if (!stop) break;
    // Focus inside an embedded frame leaves the frame element active for several presses.
    if (seen.has(stop.key) && stop.inFrame) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ linkIndex: stop.linkIndex, description: stop.description, visible: stop.visible });
  }
  return stops;
}

/** The page's links a reader can see or reach (not display:none or visibility:hidden), by position. */
export async function reachableLinks(page: Page): Promise<{ index: number; description: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("a[href]")]
      .map((a, index) => ({ a, index }))
      .filter(({ a }) => a.checkVisibility({ visibilityProperty: true }))
      .map(({ a, index }) => ({ index, description: `<a href="${a.getAttribute("href")}"> ${(a.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 60)}` })),
  );
}
