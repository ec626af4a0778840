// Eleventy's configuration: it only wires Broadsheet's TypeScript pipeline in. See README.md.
import { loadBroadsheetPlugin } from "./src/eleventy/load-plugin.js";

export default async function (eleventyConfig) {
  const { eleventyOptions, broadsheetPlugin } = await loadBroadsheetPlugin();
  const options = await eleventyOptions(process.env);
  eleventyConfig.addPlugin(broadsheetPlugin, options);
  return {
    dir: { input: "src/eleventy/input", includes: "../../../layouts", output: options.config.outDir },
    pathPrefix: options.config.pathPrefix,
    // Documents are data, never templates: only the virtual pages template is rendered.
    templateFormats: ["njk"],
  };
}
