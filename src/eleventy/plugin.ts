import { collectAssets } from "../build/collect-assets.ts";
import { planSite } from "../build/plan-site.ts";
import { viewOf } from "../build/render-pages.ts";
import { parseNow, readConfigFile, resolveConfig, type BuildOptions, type SiteConfig } from "../config/site-config.ts";
import { formatIssue } from "../content/content-error.ts";
import { summarise } from "../content/article.ts";
import { loadContent } from "../content/load-content.ts";
import { filters } from "../render/filters.ts";
import { forgetRenderedPartials } from "../render/partial-cache.ts";
import { makeSiteView } from "../render/site-view.ts";

/** The virtual template Eleventy paginates over: one page per planned page, rendered through its layout. */
export const PAGES_TEMPLATE = "broadsheet-pages.njk";

export interface EleventyConfigLike {
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addTemplate(path: string, content: string, data: object): void;
  addWatchTarget(path: string): void;
  addPassthroughCopy(map: Record<string, string>): void;
  on(event: "eleventy.before", listener: () => void): void;
}

export interface PluginOptions {
  config: SiteConfig;
  build: BuildOptions;
  publicDir: string;
}

/** Settings for the Eleventy path (`npm start`, `npx @11ty/eleventy`): the config file, and drafts when BROADSHEET_DRAFTS=1. */
export async function eleventyOptions(env: NodeJS.ProcessEnv): Promise<PluginOptions> {
  const config = resolveConfig(await readConfigFile(env.BROADSHEET_CONFIG ?? "broadsheet.config.json"));
  const drafts = env.BROADSHEET_DRAFTS === "1";
  return {
    config,
    build: { drafts, future: drafts, now: parseNow(env.BROADSHEET_NOW), skipInvalid: true, full: true, search: false, quiet: false },
    publicDir: "public",
  };
}

/**
 * Registers Broadsheet with Eleventy: the filters layouts use, the planned pages as global data,
 * and one paginated template that renders each page through its own layout.
 */
export function broadsheetPlugin(eleventyConfig: EleventyConfigLike, options: PluginOptions): void {
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  // The dev server keeps one Nunjucks environment across rebuilds, and layouts may change between them.
  eleventyConfig.on("eleventy.before", forgetRenderedPartials);

  eleventyConfig.addGlobalData("broadsheet", () => loadSite(options));
  // Whitespace matters: the template must add nothing around the layout's own output.
  eleventyConfig.addTemplate(
    PAGES_TEMPLATE,
    "{% if entry.layout %}{% set site = broadsheet.site %}{% set view = entry.view %}{% include entry.layout %}{% else %}{{ entry.text | safe }}{% endif %}",
    {
      pagination: { data: "broadsheet.pages", size: 1, alias: "entry" },
      permalink: (data: { entry: { outputPath: string } }) => data.entry.outputPath,
      eleventyExcludeFromCollections: true,
    },
  );
  eleventyConfig.addPassthroughCopy({ [options.publicDir]: "/" });
  eleventyConfig.addWatchTarget(options.config.contentDir);
  eleventyConfig.addWatchTarget(options.config.layoutsDir);
}

/** The whole pipeline in memory, every page with its view: what Eleventy renders. */
async function loadSite({ config, build, publicDir }: PluginOptions) {
  const loaded = loadContent(config.contentDir);
  for (const error of loaded.errors) console.warn(`[broadsheet] skipped: ${formatIssue(error)}`);
  const articles = new Map(loaded.articles.map((a) => [a.sourcePath, a]));
  const plan = planSite(
    loaded.articles.map(summarise),
    { drafts: build.drafts, future: build.future, now: build.now },
    { ...config, now: build.now },
  );
  const assets = await collectAssets(config.layoutsDir, publicDir);
  const site = makeSiteView(config, { css: config.pathPrefix + assets.cssPath });
  const stylesheet = assets.files.find((f) => f.outputPath === assets.cssPath);
  return {
    site,
    pages: [
      ...(stylesheet ? [{ outputPath: stylesheet.outputPath, text: Buffer.from(stylesheet.content).toString("utf8") }] : []),
      ...plan.pages.map((page) => ({ outputPath: page.outputPath, layout: page.layout, view: viewOf(page, site, (path) => articles.get(path)!) })),
    ],
  };
}
