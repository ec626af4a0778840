import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { answerOutsideRequests, connectChromium, VIEWPORTS, type ViewportName } from "./chromium.ts";

export type ColorScheme = "light" | "dark";

export interface Reader {
  page: Page;
  context: BrowserContext;
  /** Local responses with a 4xx or 5xx status (a 404 page visited on purpose is listed too). */
  failedResponses: string[];
  /** Uncaught script errors. */
  pageErrors: string[];
  /** Requests for addresses outside 127.0.0.1, answered by `answerOutsideRequests`. */
  external: string[];
}

interface OpenOptions {
  /** Ask for reduced motion (no smooth scrolling). */
  reducedMotion?: boolean;
  /** Prepares the context before its first page opens (see `preloadAxe`). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * Connects the test file to the suite's Chromium. `open` gives a fresh browser context (no
 * cookies, no cache) at a viewport and colour scheme, closed after the test; `openShared` gives
 * one context and page per setting for the whole file, for checks that only visit pages.
 */
export function useChromium(): {
  open(viewport: ViewportName, colorScheme: ColorScheme, options?: OpenOptions): Promise<Reader>;
  openShared(viewport: ViewportName, colorScheme: ColorScheme, options?: OpenOptions): Promise<Reader>;
} {
  let browser: Browser | undefined;
  const perTest: BrowserContext[] = [];
  const shared = new Map<string, Promise<Reader>>();
  /** The `prepare` functions met so far, so that a shared context is found by which one made it. */
  const preparations: OpenOptions["prepare"][] = [undefined];
  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumEndpoint"));
  });
  afterEach(async () => {
    await Promise.all(perTest.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newReader = async (viewport: ViewportName, colorScheme: ColorScheme, options: OpenOptions): Promise<Reader> => {
    if (!browser) throw new Error("useChromium: open a page inside a test");
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: options.reducedMotion ? "reduce" : "no-preference" });
    context.setDefaultTimeout(15_000);
    const { external } = await answerOutsideRequests(context);
    await options.prepare?.(context);
    const page = await context.newPage();
    const failedResponses: string[] = [];
    const pageErrors: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400 && new URL(response.url()).hostname === "127.0.0.1") failedResponses.push(`${response.status()} ${response.url()}`);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { page, context, failedResponses, pageErrors, external };
  };
  return {
    async open(viewport, colorScheme, options = {}) {
      const reader = await newReader(viewport, colorScheme, options);
      perTest.push(reader.context);
      return reader;
    },
    openShared(viewport, colorScheme, options = {}) {
      if (!preparations.includes(options.prepare)) preparations.push(options.prepare);
      const key = JSON.stringify([viewport, colorScheme, options.reducedMotion === true, preparations.indexOf(options.prepare)]);
      if (!shared.has(key)) shared.set(key, newReader(viewport, colorScheme, options));
      return shared.get(key)!;
    },
  };
}

/**
 * The settings the journeys run in: each width once and each colour scheme once. A journey's
 * path through the site is the same in either scheme, and the dark scheme changes only colour
 * variables (layouts/assets/site.css), never with the width: the other two pairs would repeat
 * these, doubling the suite's longest file. Every pair is still visited: the phone in the dark
 * scheme here, the other three by axe.test.ts, which checks contrast in each.
 */
export const READER_SETTINGS: { viewport: ViewportName; colorScheme: ColorScheme }[] = [
  { viewport: "phone", colorScheme: "dark" },
  { viewport: "desktop", colorScheme: "light" },
];
