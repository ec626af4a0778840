import { chromium, type Browser, type BrowserContext, type BrowserServer, type Route } from "playwright-core";

/** Debian's chromium package. The suite never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Quiet, self-contained headless Chromium: no sandbox (CI runs as root), no calls home. */
export const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** One Chromium for the whole suite; test files connect to it with `connectChromium`. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/** A browser for the scripts, which run on their own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** The two widths the site must work at: a small phone and a desktop window. */
export const VIEWPORTS = {
  phone: { width: 375, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A grey picture standing in for any image on another site. */
const PLACEHOLDER_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9" viewBox="0 0 16 9"><rect width="16" height="9" fill="#8a8f98"/></svg>`;

/**
 * The machines this runs on have no internet, and the sample stories point at made-up publishers.
 * So every request that leaves 127.0.0.1 is answered here, the way the web would answer it:
 * pictures get a grey placeholder, pages (an original story, an embedded video) a small page that
 * names the address, anything else is refused. `external` lists what was asked for.
 */
export async function answerOutsideRequests(context: BrowserContext): Promise<{ external: string[] }> {
  const external: string[] = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route: Route) => {
      const request = route.request();
      external.push(request.url());
      switch (request.resourceType()) {
        case "image":
          return route.fulfill({ status: 200, contentType: "image/svg+xml", body: PLACEHOLDER_IMAGE });
        case "document":
          return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: `<!doctype html><html lang="en"><title>Outside page</title><h1>Outside page</h1><p id="outside-url">${escapeHtml(request.url())}</p></html>` });
        default:
          return route.abort("blockedbyclient");
      }
    },
  );
  return { external };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
