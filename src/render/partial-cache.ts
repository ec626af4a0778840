/**
 * Rendered fragments kept for reuse, like Hugo's `partialCached`: a story's card is the same on
 * every list that shows it, so it is rendered once and its HTML reused.
 *
 * Entries are kept per Nunjucks environment, because the output depends on that environment's
 * layouts and filters (each bulk build makes its own). Eleventy's dev server keeps its
 * environment across rebuilds, so every Eleventy build starts a new generation
 * (`forgetRenderedPartials`), and a key must name everything else the fragment depends on.
 */
import nunjucks from "nunjucks";

let generation = 0;
const caches = new WeakMap<object, { generation: number; entries: Map<string, unknown> }>();

/** Fragments kept per environment at most: one card per story at 100,000 stories, about 100 MB. */
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
    fragment = flattened(macro(...args));
    cache.entries.set(key, fragment);
  }
  return fragment;
}

/**
 * A macro's HTML is built by concatenation, which V8 keeps as a tree of its pieces: ten times
 * the memory of the text. Kept fragments are copied out as one flat string, still marked safe.
 */
function flattened(fragment: unknown): unknown {
  if (!(fragment instanceof nunjucks.runtime.SafeString)) return fragment;
  const text = String(fragment);
  text.charCodeAt(0); // V8 flattens a concatenated string in place on first indexed access
  return new nunjucks.runtime.SafeString(text);
}
