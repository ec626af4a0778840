import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export interface StaticFile {
  outputPath: string;
  fingerprint: string;
  content: Uint8Array;
}

export interface Assets {
  /** Files to publish as they are: `public/` verbatim, stylesheets under fingerprinted names. */
  files: StaticFile[];
  /** Site URLs (without prefix) of the fingerprinted stylesheet. */
  cssPath: string;
  /** Digest of every layout and asset: when it changes, every page must be rendered again. */
  digest: string;
}

const STYLESHEET = "assets/site.css";

/**
 * Reads `layouts/` (the templates and their stylesheet) and `public/` (files published verbatim).
 * The stylesheet gets a content hash in its name so hosts can cache it forever.
 */
export async function collectAssets(layoutsDir: string, publicDir: string): Promise<Assets> {
  const digest = createHash("sha1");
  const files: StaticFile[] = [];
  let cssPath = STYLESHEET;

  for (const path of await listFiles(layoutsDir)) {
    const content = await readFile(join(layoutsDir, path));
    digest.update(path).update("\0").update(content).update("\0");
    if (path === STYLESHEET) {
      const hash = hashOf(content).slice(0, 10);
      cssPath = `assets/site.${hash}.css`;
      files.push({ outputPath: cssPath, fingerprint: hash, content });
    }
  }
  for (const path of await listFiles(publicDir)) {
    const content = await readFile(join(publicDir, path));
    files.push({ outputPath: path, fingerprint: hashOf(content), content });
    digest.update(path).update("\0");
  }
  return { files, cssPath, digest: digest.digest("base64url") };
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

function hashOf(content: Uint8Array): string {
  return createHash("sha1").update(content).digest("base64url");
}
