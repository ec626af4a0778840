import { DateTime, Duration } from "luxon";
import type { FeedView } from "../site/views.ts";
import { jsonFeed } from "./json-feed.ts";

export const DATE_FORMATS = {
  /** 14 March 2025 at 09:30 UTC */
  long: DateTime.DATETIME_FULL,
  /** 14 Mar 2025 */
  short: DateTime.DATE_MED,
  /** Friday, 14 March 2025 */
  day: DateTime.DATE_HUGE,
  /** March 2025 */
  month: { year: "numeric", month: "long" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The part of `site` the filters read, so they need no setup of their own. */
interface FilterContext {
  ctx: { site: { baseUrl: string; language: string; timeZone: string } };
}

function inSiteZone(context: FilterContext, iso: string): DateTime {
  const { timeZone, language } = context.ctx.site;
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(timeZone).setLocale(language);
}

// A story's date is printed on its page and on every list and feed that shows it, and time-zone
// conversion is the costliest step of rendering a card: remember each result. One map per
// setting and format, keyed by the ISO string itself, whose hash V8 keeps on the string.
const formatted = new Map<string, Map<string, string>>();
function memo(kind: string, context: FilterContext, iso: string, format: () => string): string {
  const { timeZone, language } = context.ctx.site;
  const setting = `${kind}\0${timeZone}\0${language}`;
  let results = formatted.get(setting);
  if (results === undefined) formatted.set(setting, (results = new Map()));
  let value = results.get(iso);
  if (value === undefined) {
    value = format();
    results.set(iso, value);
  }
  return value;
}

/**
 * The filters every layout may use, by name. They take their settings from the `site` variable
 * of the page being rendered, so the same functions serve Eleventy's Nunjucks and the bulk
 * renderer with any config and command-line flags, and both outputs stay byte-identical.
 */
export const filters = {
  /** A date for readers, in the site's zone and language: `{{ iso | readableDate("short") }}`. */
  readableDate(this: FilterContext, iso: string, format: keyof typeof DATE_FORMATS = "long"): string {
    return memo(`readable-${format}`, this, iso, () => inSiteZone(this, iso).toLocaleString(DATE_FORMATS[format] ?? DATE_FORMATS.long));
  },
  /** ISO 8601 with the site's offset, for `<time datetime>` and Atom. */
  isoDate(this: FilterContext, iso: string): string {
    return memo("iso", this, iso, () => inSiteZone(this, iso).toISO({ suppressMilliseconds: true }) ?? iso);
  },
  /** RFC 822 in English, as RSS 2.0 requires whatever the site's language. */
  rfc822Date(this: FilterContext, iso: string): string {
    return memo("rfc822", this, iso, () => DateTime.fromISO(iso, { zone: "utc" }).setLocale("en-US").toRFC2822() ?? iso);
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
