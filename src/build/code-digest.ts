import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const SOURCE_DIR = sourceFolder(import.meta.dirname);

/**
 * A digest of Broadsheet's own code, src/. What a document's summary holds depends on it, so a
 * summary cached by other code is not trusted.
 */
export function sourceDigest(): string {
  const hash = createHash("sha1");
  const sources = readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of sources) hash.update(relative(SOURCE_DIR, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("base64url");
}

/**
 * A digest of Broadsheet's code (`sourceDigest`) and of `.eleventy.js` (which registers the
 * layouts' filters). It is part of every page's fingerprint, so after an upgrade, or an edit to
 * src/, no output of the old code is trusted, and no build stops early on a stamp the old code wrote.
 */
export function codeDigest(eleventyConfig: string, source: string): string {
  const hash = createHash("sha1").update(source);
  if (existsSync(eleventyConfig)) hash.update("\0eleventy config\0").update(readFileSync(eleventyConfig));
  return hash.digest("base64url");
}

/**
 * src/, found from here whether this module runs from src/build/ or from the precompiled bundle
 * in node_modules/.cache/broadsheet/ (scripts/precompiled.js): the first folder up that holds
 * this file's source.
 */
function sourceFolder(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "src", "build", "code-digest.ts"))) return join(folder, "src");
    if (dirname(folder) === folder) throw new Error(`Broadsheet's src/ folder was not found above ${from}.`);
  }
}
