import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const SOURCE_DIR = resolve(import.meta.dirname, "..");

/**
 * A digest of Broadsheet's own code and of `.eleventy.js` (which registers the layouts' filters).
 * It is part of every page's fingerprint, so after an upgrade, or an edit to src/, no output of
 * the old code is trusted, and no build stops early on a stamp the old code wrote.
 */
export function codeDigest(eleventyConfig: string): string {
  const hash = createHash("sha1");
  const sources = readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of sources) hash.update(relative(SOURCE_DIR, file)).update("\0").update(readFileSync(file)).update("\0");
  if (existsSync(eleventyConfig)) hash.update("eleventy config\0").update(readFileSync(eleventyConfig));
  return hash.digest("base64url");
}
