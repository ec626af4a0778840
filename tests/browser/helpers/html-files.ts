import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every .html file of a built site, as absolute paths, sorted. */
export function htmlFiles(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith(".html"))
    .sort()
    .map((p) => join(siteDir, p));
}
