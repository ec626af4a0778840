import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Article } from "../content/article.ts";
import { loadWithCache } from "../content/content-cache.ts";
import type { ContentIssue } from "../content/content-error.ts";
import { loadDocument } from "../content/load-content.ts";
import type { BuildOptions, SiteConfig } from "../config/site-config.ts";
import { readState, stateFile, writeState } from "../output/build-state.ts";
import { OutputTransaction } from "../output/transaction.ts";
import type { Environment } from "nunjucks";
import { createEnvironment, type NunjucksRegistrations } from "../render/environment.ts";
import { makeSiteView } from "../render/site-view.ts";
import type { ExclusionReason } from "../site/publish-rules.ts";
import { collectAssets } from "./collect-assets.ts";
import { planSite, withoutFiles, type SitePlan } from "./plan-site.ts";
import { renderPage } from "./render-pages.ts";

export interface BuildPaths {
  /** Where the build keeps what it learned for the next one. */
  cacheDir: string;
  publicDir: string;
}

export interface BuildReport {
  ok: boolean;
  documentsRead: number;
  documentsParsed: number;
  published: number;
  excluded: Record<ExclusionReason | "invalid", number>;
  pagesPlanned: number;
  pagesWritten: number;
  pagesDeleted: number;
  fullBuild: boolean;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  /** Documents left out by --skip-invalid. */
  skipped: string[];
  durationMs: number;
}

/** Bumped with any change to how pages are planned or rendered, so old outputs are not trusted. */
const RENDERER_VERSION = "1";

/**
 * The whole build: load what changed, validate, plan every page, render those whose content
 * changed, and publish atomically. On content errors nothing is written unless `skipInvalid`.
 */
export async function buildSite(
  config: SiteConfig,
  options: BuildOptions,
  paths: BuildPaths,
  registrations: () => Promise<NunjucksRegistrations>,
): Promise<BuildReport> {
  const started = performance.now();
  const statePath = stateFile(paths.cacheDir, config.outDir);
  const assets = await collectAssets(config.layoutsDir, paths.publicDir);
  const siteHash = createHash("sha1").update(JSON.stringify([RENDERER_VERSION, config, options.drafts, options.future, assets.digest])).digest("base64url");

  const previous = options.full ? undefined : await readState(statePath);
  const transaction = new OutputTransaction(config.outDir, !previous || previous.siteHash !== siteHash || !existsSync(config.outDir));
  await transaction.recover();
  const trusted = transaction.full ? undefined : previous;

  const load = await loadWithCache(config.contentDir, previous?.content ?? {});
  const settings = { ...config, now: options.now };
  const rules = { drafts: options.drafts, future: options.future, now: options.now };
  let plan: SitePlan = planSite(load.summaries, rules, settings);
  const errors = [...load.errors, ...plan.errors];
  const report: BuildReport = {
    ok: errors.length === 0,
    documentsRead: load.documentsRead,
    documentsParsed: load.documentsParsed,
    published: 0,
    excluded: { ...plan.excluded, invalid: new Set(errors.map((e) => e.file)).size },
    pagesPlanned: 0,
    pagesWritten: 0,
    pagesDeleted: 0,
    fullBuild: transaction.full,
    errors,
    warnings: load.warnings,
    skipped: [],
    durationMs: 0,
  };
  if (errors.length > 0) {
    if (!options.skipInvalid) return { ...report, durationMs: performance.now() - started };
    report.skipped = [...new Set(errors.map((e) => e.file))].sort();
    plan = planSite(withoutFiles(load.summaries, errors), rules, settings);
    report.ok = true;
  }
  report.published = plan.index.articles.length;
  report.excluded = { ...plan.excluded, invalid: report.skipped.length };

  const site = makeSiteView(config, { css: config.pathPrefix + assets.cssPath });
  // Loading Eleventy's configuration costs a second; a build with nothing to render skips it.
  let env: Environment | undefined;
  const article = (sourcePath: string): Article => load.fresh.get(sourcePath) ?? rereadArticle(config.contentDir, sourcePath);
  const outputs: Record<string, string> = {};
  const changed: string[] = [];

  await transaction.begin();
  try {
    for (const file of assets.files) {
      outputs[file.outputPath] = file.fingerprint;
      if (trusted?.outputs[file.outputPath] === file.fingerprint) continue;
      await transaction.stage(file.outputPath, file.content);
      changed.push(file.outputPath);
    }
    for (const page of plan.pages) {
      if (page.outputPath in outputs) throw new Error(`Two pages claim ${page.outputPath}; this is a bug in Broadsheet's page planning.`);
      outputs[page.outputPath] = page.fingerprint;
      if (trusted?.outputs[page.outputPath] === page.fingerprint) continue;
      env ??= createEnvironment(config.layoutsDir, await registrations());
      const rendered = renderPage(env, page, site, article);
      await transaction.stage(rendered.outputPath, rendered.content);
      changed.push(page.outputPath);
    }
  } catch (error) {
    await transaction.abort();
    throw error;
  }
  const deleted = trusted ? Object.keys(trusted.outputs).filter((path) => !(path in outputs)) : [];
  await transaction.commit(changed, deleted);
  await writeState(statePath, { siteHash, content: load.cache, outputs });

  return {
    ...report,
    pagesPlanned: Object.keys(outputs).length,
    pagesWritten: changed.length,
    pagesDeleted: deleted.length,
    durationMs: performance.now() - started,
  };
}

/** An unchanged document whose page must be rendered again (a topic was renamed, say): read it anew. */
function rereadArticle(contentDir: string, sourcePath: string): Article {
  const outcome = loadDocument(sourcePath, readFileSync(join(contentDir, sourcePath)));
  if (!outcome.ok) throw new Error(`${sourcePath} changed while the site was being built; build again.`);
  return outcome.article;
}

