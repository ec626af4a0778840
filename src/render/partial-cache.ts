/**
 * Rendered fragments kept for reuse, like Hugo's `partialCached`: a story's card is the same on
 * every list that shows it, so it is rendered once and its HTML reused.
 *
 * Entries are kept per Nunjucks environment, because the output depends on that environment's
 * layouts and filters (each bulk build makes its own). Eleventy's dev server keeps its
 * environment across rebuilds, so every Eleventy build starts a new generation
 * (`forgetRenderedPartials`), and a key must name everything else the fragment depends on.
 */
let generation = 0;
const caches = new WeakMap<object, { generation: number; entries: Map<string, unknown> }>();

/** Fragments kept per environment at most: one card per story at 100,000 stories, about 70 MB. */
const MAX_FRAGMENTS = 100_000;

/** Drops every kept fragment, for Eleventy's `eleventy.before`: layouts may have been edited since. */
export function forgetRenderedPartials(): void {
  generation += 1;
}

/** `macro(...args)`, rendered once per environment and key. */
export function renderCached(environment: object, key: string, macro: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  let cache = caches.get(environment);
  if (cache === undefined || cache.generation !== generation) caches.set(environment, (cache = { generation, entries: new Map() }));
  let fragment = cache.entries.get(key);
  if (fragment === undefined) {
    if (cache.entries.size >= MAX_FRAGMENTS) cache.entries.clear();
    fragment = macro(...args);
    cache.entries.set(key, fragment);
  }
  return fragment;
}
