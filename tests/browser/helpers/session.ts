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

/**
 * Connects the test file to the suite's Chromium. `open` gives a fresh browser context (no
 * cookies, no cache) at a viewport and colour scheme; contexts are closed after each test.
 */
export function useChromium(): { open(viewport: ViewportName, colorScheme: ColorScheme, options?: { reducedMotion?: boolean }): Promise<Reader> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumEndpoint"));
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(viewport, colorScheme, options = {}) {
      if (!browser) throw new Error("useChromium().open called outside a test");
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: options.reducedMotion ? "reduce" : "no-preference" });
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      const { external } = await answerOutsideRequests(context);
      const page = await context.newPage();
      const failedResponses: string[] = [];
      const pageErrors: string[] = [];
      page.on("response", (response) => {
        if (response.status() >= 400 && new URL(response.url()).hostname === "127.0.0.1") failedResponses.push(`${response.status()} ${response.url()}`);
      });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return { page, context, failedResponses, pageErrors, external };
    },
  };
}

/** Every combination the journeys run in. */
export const READER_SETTINGS: { viewport: ViewportName; colorScheme: ColorScheme }[] = [
  { viewport: "phone", colorScheme: "light" },
  { viewport: "phone", colorScheme: "dark" },
  { viewport: "desktop", colorScheme: "light" },
  { viewport: "desktop", colorScheme: "dark" },
];
