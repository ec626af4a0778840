// The Broadsheet plugin, for .eleventy.js. A build run from the precompiled bundle of src/
// (scripts/build.js) names the bundle's folder in BROADSHEET_BUNDLE_DIR, and its rendering
// threads take the plugin from there, the very code the build runs, without compiling
// TypeScript through tsx (about half a second of every rendering thread's start). Eleventy's own
// runs (`npm start`, `npx @11ty/eleventy`) take it from src/ through tsx. Plain JavaScript: it
// runs before anything can compile TypeScript.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function loadBroadsheetPlugin() {
  const bundle = process.env.BROADSHEET_BUNDLE_DIR;
  if (bundle) return import(pathToFileURL(join(bundle, "plugin.js")).href);
  await import("tsx/esm");
  return import("./plugin.ts");
}
