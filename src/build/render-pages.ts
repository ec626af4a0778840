import type nunjucks from "nunjucks";
import type { Article } from "../content/article.ts";
import { composeArticleView } from "../site/compose-article.ts";
import type { PlannedPage } from "../site/plan-pages.ts";
import { SiteUrls } from "../site/site-urls.ts";
import type { SiteView, View } from "../site/views.ts";

export interface RenderedPage {
  outputPath: string;
  fingerprint: string;
  content: string;
}

export class TemplateError extends Error {
  override name = "TemplateError";
  constructor(
    readonly layout: string,
    readonly outputPath: string,
    cause: unknown,
  ) {
    super(`layouts/${layout} failed while rendering ${outputPath}: ${(cause as Error).message ?? cause}`, { cause });
  }
}

/** The view a planned page renders: article pages compose theirs from the full article. */
export function viewOf(page: PlannedPage, site: SiteView, article: (sourcePath: string) => Article): View {
  if ("view" in page) return page.view;
  if ("compose" in page) return page.compose();
  const context = "context" in page ? page.context() : page.article;
  return composeArticleView(article(page.sourcePath), context, new SiteUrls(site.baseUrl, site.pathPrefix), { siteTitle: site.title });
}

/** A page as it can cross to a worker thread: plain data, its view or context built if it had to be. */
export function transferable(page: PlannedPage): PlannedPage {
  const { outputPath, layout, fingerprint } = page;
  if ("compose" in page) return { outputPath, layout, fingerprint, view: page.compose() };
  if ("context" in page) return { outputPath, layout: "article.njk", fingerprint, sourcePath: page.sourcePath, article: page.context() };
  return page;
}

export function renderPage(env: nunjucks.Environment, page: PlannedPage, site: SiteView, article: (sourcePath: string) => Article): RenderedPage {
  const view = viewOf(page, site, article);
  try {
    return { outputPath: page.outputPath, fingerprint: page.fingerprint, content: env.render(page.layout, { site, view }) };
  } catch (error) {
    throw new TemplateError(page.layout, page.outputPath, error);
  }
}
