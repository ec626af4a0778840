import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sourcesDigest } from "./source-digest.js";

/** Defined in the precompiled bundle (scripts/precompiled.js): the digest of the sources it was made from. */
declare const BROADSHEET_SOURCE_DIGEST: string | undefined;

/**
 * A digest of Broadsheet's own code, src/. What a document's summary holds depends on it, so a
 * summary cached by other code is not trusted. The precompiled bundle was made from sources
 * whose digest it carries: src/ may have changed since it started, and where node_modules is a
 * link to another checkout's, the src/ found above the bundle is that checkout's.
 */
export function sourceDigest(): string {
  if (typeof BROADSHEET_SOURCE_DIGEST !== "undefined") return BROADSHEET_SOURCE_DIGEST;
  return sourcesDigest(sourceFolder(import.meta.dirname));
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

/** src/, found from here (src/build/): the first folder up that holds this file's source. */
function sourceFolder(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "src", "build", "code-digest.ts"))) return join(folder, "src");
    if (dirname(folder) === folder) throw new Error(`Broadsheet's src/ folder was not found above ${from}.`);
  }
}
