import { parseArgs } from "node:util";
import type { SiteConfig } from "./site-config.ts";

export const USAGE = `Usage: npm run build -- [options]

Builds the site from the documents in the content folder into the output folder.

Options:
  --content DIR        folder of documents (default: content)
  --out DIR            output folder (default: dist)
  --config FILE        site config file (default: broadsheet.config.json)
  --base-url URL       absolute origin the site is served from, e.g. https://news.example.org
  --path-prefix PATH   sub-path the site lives under, e.g. /news/
  --drafts             publish documents marked published: false
  --future             publish documents dated after now
  --now ISO            the build's "now", e.g. 2026-11-24T12:00:00Z (default: the clock)
  --skip-invalid       publish the valid documents, list the invalid ones, exit 0
  --full               ignore the previous build and rebuild every page
  --no-search          skip the Pagefind search index
  --quiet              print errors only
  --help               show this help`;

export interface CliArgs {
  help: boolean;
  configFile: string;
  overrides: Partial<SiteConfig>;
  drafts: boolean;
  future: boolean;
  now?: string;
  skipInvalid: boolean;
  full: boolean;
  search: boolean;
  quiet: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        content: { type: "string" },
        out: { type: "string" },
        config: { type: "string" },
        "base-url": { type: "string" },
        "path-prefix": { type: "string" },
        drafts: { type: "boolean", default: false },
        future: { type: "boolean", default: false },
        now: { type: "string" },
        "skip-invalid": { type: "boolean", default: false },
        full: { type: "boolean", default: false },
        "no-search": { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  return {
    help: v.help ?? false,
    configFile: v.config ?? "broadsheet.config.json",
    overrides: { contentDir: v.content, outDir: v.out, baseUrl: v["base-url"], pathPrefix: v["path-prefix"] },
    drafts: v.drafts ?? false,
    future: v.future ?? false,
    now: v.now,
    skipInvalid: v["skip-invalid"] ?? false,
    full: v.full ?? false,
    search: !(v["no-search"] ?? false),
    quiet: v.quiet ?? false,
  };
}
