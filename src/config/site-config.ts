import { readFile } from "node:fs/promises";
import { DateTime, IANAZone } from "luxon";

/** Everything a build needs to know, after the config file and the command line are merged. */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute origin the site is served from, e.g. `https://news.example.org`; no trailing slash. */
  baseUrl: string;
  /** Sub-path the site lives under, e.g. `/news/`; always starts and ends with `/`. */
  pathPrefix: string;
  /** BCP 47 language tag, e.g. `en-GB`. Used for `<html lang>`, feeds and date formatting. */
  language: string;
  /** IANA time zone for dates shown to readers and for date URLs, e.g. `Europe/London`. */
  timeZone: string;
  /** Stories per list page. */
  pageSize: number;
  /** Items per feed. */
  feedSize: number;
  contentDir: string;
  outDir: string;
  layoutsDir: string;
}

export interface BuildOptions {
  drafts: boolean;
  future: boolean;
  /** The build's "now", ISO 8601. Pinned for reproducible builds. */
  now: string;
  skipInvalid: boolean;
  /** Ignore the incremental state and rebuild everything. */
  full: boolean;
  /** Run Pagefind over the built site. */
  search: boolean;
  quiet: boolean;
}

export const CONFIG_FILE = "broadsheet.config.json";

export const DEFAULT_CONFIG: SiteConfig = {
  title: "Broadsheet",
  description: "Curated news.",
  baseUrl: "http://localhost:8080",
  pathPrefix: "/",
  language: "en",
  timeZone: "UTC",
  pageSize: 20,
  feedSize: 50,
  contentDir: "content",
  outDir: "dist",
  layoutsDir: "layouts",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the config file if it exists; a missing file means the defaults. */
export async function readConfigFile(path: string): Promise<Partial<SiteConfig>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`${path}: expected a JSON object of settings`);
  }
  const known = new Set(Object.keys(DEFAULT_CONFIG));
  const unknown = Object.keys(parsed).filter((key) => !known.has(key) && !key.startsWith("$"));
  if (unknown.length > 0) {
    throw new ConfigError(`${path}: unknown setting ${unknown.map((k) => `"${k}"`).join(", ")} (known: ${[...known].join(", ")})`);
  }
  return parsed as Partial<SiteConfig>;
}

/** Merges layers left to right and checks the result, so later code can trust every field. */
export function resolveConfig(...layers: Partial<SiteConfig>[]): SiteConfig {
  const merged: SiteConfig = Object.assign({}, DEFAULT_CONFIG, ...layers.map(withoutUndefined));
  const problems: string[] = [];
  const stringKeys = ["title", "description", "baseUrl", "language", "timeZone", "contentDir", "outDir", "layoutsDir"] as const;
  for (const key of stringKeys) {
    if (typeof merged[key] !== "string" || merged[key] === "") problems.push(`${key} must be a non-empty string`);
  }
  if (typeof merged.pathPrefix !== "string") problems.push("pathPrefix must be a string such as /news/");
  for (const key of ["pageSize", "feedSize"] as const) {
    if (!Number.isInteger(merged[key]) || merged[key] < 1) problems.push(`${key} must be a whole number of 1 or more`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid site config: ${problems.join("; ")}`);

  let base: URL;
  try {
    base = new URL(merged.baseUrl);
  } catch {
    throw new ConfigError(`Invalid site config: baseUrl must be an absolute URL such as https://news.example.org (found "${merged.baseUrl}")`);
  }
  if (base.pathname !== "/") {
    throw new ConfigError(`Invalid site config: baseUrl is the origin only; put the sub-path "${base.pathname}" in pathPrefix`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new ConfigError(`Invalid site config: baseUrl must use http or https (found "${merged.baseUrl}")`);
  }
  if (!IANAZone.isValidZone(merged.timeZone)) {
    throw new ConfigError(`Invalid site config: timeZone must be an IANA zone such as Europe/London (found "${merged.timeZone}")`);
  }
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(merged.language)) {
    throw new ConfigError(`Invalid site config: language must be a BCP 47 tag such as en or en-GB (found "${merged.language}")`);
  }
  return { ...merged, baseUrl: base.origin, pathPrefix: normalisePathPrefix(merged.pathPrefix) };
}

export function normalisePathPrefix(prefix: string): string {
  const segments = prefix.split("/").filter(Boolean);
  if (segments.some((s) => s === "." || s === ".." || !/^[A-Za-z0-9._~-]+$/.test(s))) {
    throw new ConfigError(`Invalid site config: pathPrefix may hold only letters, digits, ".", "_", "~" and "-" between slashes (found "${prefix}")`);
  }
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

export function parseNow(now: string | undefined): string {
  if (now === undefined) return DateTime.utc().toISO();
  const parsed = DateTime.fromISO(now, { zone: "utc" });
  if (!parsed.isValid) throw new ConfigError(`--now must be an ISO 8601 date-time such as 2026-11-24T12:00:00Z (found "${now}")`);
  return parsed.toUTC().toISO()!;
}

function withoutUndefined<T extends object>(layer: T): Partial<T> {
  return Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as Partial<T>;
}
