// Plain JavaScript: scripts/precompiled.js runs it before anything can compile TypeScript, to name
// a bundle and to give it the digest a build from src/ computes with it (code-digest.ts).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Digest of every file under `sourceDir`, by path and content. */
export function sourcesDigest(sourceDir) {
  const hash = createHash("sha1");
  const files = readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(sourceDir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("base64url");
}
