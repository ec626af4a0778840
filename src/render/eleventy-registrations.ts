import Eleventy from "@11ty/eleventy";
import type { NunjucksRegistrations } from "./environment.ts";

/**
 * Loads `.eleventy.js` the way Eleventy does and returns what it registered for Nunjucks,
 * so the bulk renderer uses the project's filters, plugins' filters and globals included.
 */
export async function loadEleventyRegistrations(configPath: string): Promise<NunjucksRegistrations> {
  const eleventy = new Eleventy(undefined, undefined, { configPath, quietMode: true });
  await eleventy.initializeConfig();
  return (eleventy as unknown as { config: NunjucksRegistrations }).config;
}
