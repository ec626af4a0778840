import { ConfigError, parseNow, readConfigFile, resolveConfig, type BuildOptions } from "./config/site-config.ts";
import { parseCliArgs, USAGE, UsageError } from "./config/cli-args.ts";
import { buildSite, type BuildReport } from "./build/build-site.ts";
import { formatIssue } from "./content/content-error.ts";

/** `npm run build`: parses flags, builds, prints the outcome. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const config = resolveConfig(await readConfigFile(args.configFile), args.overrides);
    const options: BuildOptions = {
      drafts: args.drafts,
      future: args.future,
      now: parseNow(args.now),
      skipInvalid: args.skipInvalid,
      full: args.full,
      search: args.search,
      quiet: args.quiet,
    };
    const paths = { cacheDir: process.env.BROADSHEET_CACHE_DIR ?? ".broadsheet-cache", publicDir: "public", eleventyConfig: ".eleventy.js" };
    const report = await buildSite(config, options, paths);
    printReport(report, config.outDir, options.quiet);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

function printReport(report: BuildReport, outDir: string, quiet: boolean): void {
  for (const warning of report.warnings) if (!quiet) console.warn(`warning: ${formatIssue(warning)}`);
  for (const error of report.errors) console.error(formatIssue(error));
  if (!report.ok) {
    const files = new Set(report.errors.map((e) => e.file)).size;
    console.error(`\n${report.errors.length} ${plural(report.errors.length, "problem")} in ${files} ${plural(files, "document")}. Nothing was published; ${outDir}/ is unchanged.`);
    console.error("Fix the documents, or run with --skip-invalid to publish the valid ones.");
    return;
  }
  if (report.skipped.length > 0) console.error(`\nSkipped ${report.skipped.length} invalid ${plural(report.skipped.length, "document")}: ${report.skipped.join(", ")}`);
  if (quiet) return;
  const excluded = Object.entries(report.excluded).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
  console.log(
    [
      `Documents  ${report.documentsRead} read (${report.documentsParsed} parsed), ${report.published} published${excluded.length ? `, excluded: ${excluded.join(", ")}` : ""}`,
      `Pages      ${report.pagesWritten} written, ${report.pagesDeleted} deleted, ${report.pagesPlanned} in the site${report.fullBuild ? " (full build)" : ""}`,
      `Output     ${outDir}/`,
      `Time       ${(report.durationMs / 1000).toFixed(2)} s`,
    ].join("\n"),
  );
  if (process.env.BROADSHEET_TIMINGS && report.planner) console.log(`Planner    ${report.planner.name === "delta" ? "delta: only the pages that added or edited documents change" : `full: ${report.planner.reason}`}`);
  if (process.env.BROADSHEET_TIMINGS) console.log(`Phases     ${report.phases.map((p) => `${p.name} ${p.ms} ms (heap ${p.heapMb} MB)`).join(", ")}`);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
