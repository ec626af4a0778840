import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type nunjucks from "nunjucks";
import type { Article } from "../content/article.ts";
import type { PageWriter } from "../output/staged-writer.ts";
import type { PlannedPage } from "../site/plan-pages.ts";
import type { SiteView } from "../site/views.ts";
import { renderPage } from "./render-pages.ts";

/** An article page is rendered once per build: hand its article over and forget it, to free memory as the build goes. */
export function takeArticle(articles: Map<string, Article>, sourcePath: string): Article | undefined {
  const article = articles.get(sourcePath);
  articles.delete(sourcePath);
  return article;
}

/** Pages rendered between two turns of the event loop, so Ctrl-C and worker messages are heard. */
const PAGES_PER_TURN = 200;

/** Renders pages and writes them into staging: the one loop the main thread and the workers share. */
export async function renderInto(
  writer: PageWriter,
  env: nunjucks.Environment,
  pages: PlannedPage[],
  site: SiteView,
  article: (sourcePath: string) => Article,
): Promise<void> {
  for (const [i, page] of pages.entries()) {
    const rendered = renderPage(env, page, site, article);
    writer.write(rendered.outputPath, rendered.content);
    if (i % PAGES_PER_TURN === PAGES_PER_TURN - 1) {
      await yieldToEventLoop();
      await writer.caughtUp?.();
    }
  }
}
