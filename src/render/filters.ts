import { Duration } from "luxon";
import { DATE_FORMATS, rfc822, zonedDates, type ZonedDates } from "../site/zoned-dates.ts";
import type { FeedView } from "../site/views.ts";
import { jsonFeed } from "./json-feed.ts";
import { renderCached } from "./partial-cache.ts";

/** The part of `site` the filters read, so they need no setup of their own. */
interface FilterContext {
  ctx: { site: { baseUrl: string; language: string; timeZone: string } };
}

function datesOf(context: FilterContext): ZonedDates {
  const { timeZone, language } = context.ctx.site;
  return zonedDates(timeZone, language);
}

/**
 * The filters every layout may use, by name. They take their settings from the `site` variable
 * of the page being rendered, so the same functions serve Eleventy's Nunjucks and the bulk
 * renderer with any config and command-line flags, and both outputs stay byte-identical.
 */
export const filters = {
  /** A date for readers, in the site's zone and language: `{{ iso | readableDate("short") }}`. */
  readableDate(this: FilterContext, iso: string, format: keyof typeof DATE_FORMATS = "long"): string {
    return datesOf(this).readable(iso, format);
  },
  /** ISO 8601 with the site's offset, for `<time datetime>` and Atom. */
  isoDate(this: FilterContext, iso: string): string {
    return datesOf(this).iso(iso);
  },
  /** RFC 822 in English, as RSS 2.0 requires whatever the site's language. */
  rfc822Date(iso: string): string {
    return rfc822(iso);
  },
  /** `/news/x/` → `https://example.org/news/x/`; absolute URLs pass through. */
  absoluteUrl(this: FilterContext, url: string): string {
    return url.startsWith("/") && !url.startsWith("//") ? `${this.ctx.site.baseUrl}${url}` : url;
  },
  /** PT13M34S → "13 min, 34 sec", in the site's language. */
  readableDuration(this: FilterContext, iso: string): string {
    const duration = Duration.fromISO(iso, { locale: this.ctx.site.language });
    if (!duration.isValid) return iso;
    const parts = Object.entries(duration.shiftTo("hours", "minutes", "seconds").toObject()).filter(([, value]) => value);
    return Duration.fromObject(Object.fromEntries(parts), { locale: this.ctx.site.language }).toHuman({ unitDisplay: "short" });
  },
  /** A feed view as a JSON Feed 1.1 document, dates with the site's offset: `{{ view | jsonFeed | safe }}`. */
  jsonFeed(this: FilterContext, view: FeedView): string {
    return filters.safeJson(jsonFeed(view, (iso) => filters.isoDate.call(this, iso)));
  },
  /**
   * Renders a macro once per key and reuses its HTML, like Hugo's partialCached:
   * `{{ card | partialCached(item.key, item) }}` is `{{ card(item) }}`. The key must stand for
   * everything the macro's output depends on besides the site and the layouts, as a card's
   * `key` does; a page that is the only one to show a fragment gains nothing from it.
   */
  partialCached(this: { env?: object } | undefined, macro: (...args: unknown[]) => unknown, key: string, ...args: unknown[]): unknown {
    if (typeof macro !== "function") throw new TypeError("partialCached: the value before | must be a macro, as in {{ card | partialCached(item.key, item) }}");
    // Called outside a Nunjucks render there is no environment to keep the fragment for.
    return typeof this?.env === "object" ? renderCached(this.env, key, macro, args) : macro(...args);
  },
  /**
   * JSON for a `<script>` element or a JSON file: `<`, `>` and `&` are escaped so no value can
   * close the script element or open a comment, and the result stays valid JSON.
   * Follow it with `| safe`: HTML-escaping would break the JSON.
   */
  safeJson(value: unknown, indent?: number): string {
    return JSON.stringify(value, null, indent)
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e")
      .replace(/&/g, "\\u0026")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029");
  },
};
