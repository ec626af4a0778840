import nunjucks from "nunjucks";

/** What Eleventy's configuration registers for Nunjucks, as its `getConfig()` returns it. */
export interface NunjucksRegistrations {
  nunjucksEnvironmentOptions?: nunjucks.ConfigureOptions;
  nunjucksFilters?: Record<string, (...args: any[]) => unknown>;
  nunjucksGlobals?: Record<string, unknown>;
}

/**
 * A Nunjucks environment set up as Eleventy sets up its own: the same options, filters and
 * globals from `.eleventy.js`, layouts loaded from the layouts folder. Rendering a layout here
 * gives what Eleventy would. Shortcodes and async filters are Eleventy-only: a layout that uses
 * one fails with a TemplateError naming it.
 */
export function createEnvironment(layoutsDir: string, registrations: NunjucksRegistrations): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([layoutsDir]);
  const env = new nunjucks.Environment(loader, registrations.nunjucksEnvironmentOptions ?? { dev: true });
  for (const [name, filter] of Object.entries(registrations.nunjucksFilters ?? {})) env.addFilter(name, filter);
  for (const [name, value] of Object.entries(registrations.nunjucksGlobals ?? {})) env.addGlobal(name, value);
  return env;
}
