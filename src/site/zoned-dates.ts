import { DateTime } from "luxon";

/**
 * Dates in the site's zone and language, as luxon would print them, at a fraction of the cost.
 *
 * Every story's dates are printed on its page, its cards and its feed entries, and luxon builds a
 * DateTime and works out the zone's offset for each call: at 100,000 stories that was a tenth of
 * the build. Here the Intl formatters are made once per zone, language and format and reused.
 * luxon stays the reference: tests compare both across zones, offsets and languages.
 */

export const DATE_FORMATS = {
  /** 14 March 2025 at 09:30 UTC */
  long: DateTime.DATETIME_FULL,
  /** 14 Mar 2025 */
  short: DateTime.DATE_MED,
  /** Friday, 14 March 2025 */
  day: DateTime.DATE_HUGE,
  /** 14 March 2025 */
  full: DateTime.DATE_FULL,
  /** March 2025 */
  month: { year: "numeric", month: "long" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateFormat = keyof typeof DATE_FORMATS;

const clocks = new Map<string, ZonedDates>();
const DAY = 86_400_000;

let lastClock: ZonedDates | undefined;

/** The shared formatter of one zone and language. */
export function zonedDates(timeZone: string, language: string): ZonedDates {
  // Filters ask for every date they print, almost always for the zone and language asked last.
  if (lastClock?.timeZone === timeZone && lastClock.language === language) return lastClock;
  const key = `${timeZone}\0${language}`;
  let clock = clocks.get(key);
  if (clock === undefined) clocks.set(key, (clock = new ZonedDates(timeZone, language)));
  return (lastClock = clock);
}

export class ZonedDates {
  /** luxon treats "UTC" (any case) as a fixed zone and writes its offset as Z; Etc/UTC and others as +00:00. */
  private readonly fixedUtc: boolean;
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly readableFormats = new Map<string, Intl.DateTimeFormat>();
  /**
   * Results by format, then by instant: a story's dates are printed on every list and feed that
   * shows it. Keyed by the ISO string itself, whose hash V8 keeps, rather than by a new string
   * made of format and instant for every lookup.
   */
  private readonly printed = new Map<DateFormat | "iso", Map<string, string>>();
  /** Offset by UTC day number; null for a day on which the offset changes. */
  private readonly dayOffsets = new Map<number, number | null>();

  constructor(
    readonly timeZone: string,
    readonly language: string,
  ) {
    this.fixedUtc = /^(utc|gmt)$/i.test(timeZone);
    const zone = this.fixedUtc ? "UTC" : timeZone;
    this.offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
  }

  /** `2025-03-14T09:30:00Z` → "14 March 2025 at 09:30 GMT" (for `long`, in en-GB and Europe/London). */
  readable(iso: string, format: DateFormat = "long"): string {
    return remembered(this.resultsOf(format), iso, () => this.formatReadable(iso, format));
  }

  private resultsOf(format: DateFormat | "iso"): Map<string, string> {
    let results = this.printed.get(format);
    if (results === undefined) this.printed.set(format, (results = new Map()));
    return results;
  }

  private formatReadable(iso: string, format: DateFormat): string {
    let formatter = this.readableFormats.get(format);
    if (formatter === undefined) {
      const options = DATE_FORMATS[format] ?? DATE_FORMATS.long;
      formatter = new Intl.DateTimeFormat(this.language, { ...options, timeZone: this.fixedUtc ? "UTC" : this.timeZone });
      this.readableFormats.set(format, formatter);
    }
    if (!this.fixedUtc) return formatter.format(Date.parse(iso));
    // luxon formats its fixed UTC zone by parts and names the zone itself; the parts keep the
    // narrow no-break space that format() turns into a plain one.
    return formatter
      .formatToParts(Date.parse(iso))
      .map((part) => (part.type === "timeZoneName" ? "UTC" : part.value))
      .join("");
  }

  /** ISO 8601 with the zone's offset, milliseconds only when there are some: `2025-03-14T09:30:00+01:00`. */
  iso(iso: string): string {
    return remembered(this.resultsOf("iso"), iso, () => this.formatIso(iso));
  }

  private formatIso(iso: string): string {
    const millis = Date.parse(iso);
    const offset = this.offsetMinutes(millis);
    // Local mean time before 1900 has offsets in seconds; luxon's arithmetic for those is its own.
    if (!Number.isInteger(offset)) return DateTime.fromMillis(millis, { zone: this.timeZone }).toISO({ suppressMilliseconds: true })!;
    const local = new Date(millis + offset * 60_000).toISOString(); // UTC fields of the shifted instant = local fields
    const clock = local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23);
    return clock + (this.fixedUtc ? "Z" : offsetText(offset));
  }

  /** The local calendar date as days since 1 January 1970, for date archives and article URLs: what to key a day's names by. */
  localDay(millis: number): number {
    return Math.floor((millis + this.offsetMinutes(millis) * 60_000) / DAY);
  }

  /** Minutes east of UTC at an instant, e.g. 60 for Europe/Paris in winter. */
  offsetMinutes(millis: number): number {
    // Asking Intl is slow and a zone's offset changes a few times a year at most: remember it per
    // UTC day when both ends of the day agree, and ask for the instant itself on a day of change.
    const day = Math.floor(millis / DAY);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      const start = this.askOffset(day * DAY);
      offset = start === this.askOffset(day * DAY + DAY - 1) ? start : null;
      this.dayOffsets.set(day, offset);
    }
    return offset ?? this.askOffset(millis);
  }

  private askOffset(millis: number): number {
    const name = this.offsetFormat.formatToParts(millis).find((p) => p.type === "timeZoneName")!.value; // "GMT+05:30", "GMT"
    const match = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
    return match[1] === "-" ? -minutes : minutes;
  }
}

/** RFC 822 in English and UTC, as RSS 2.0 wants: `Fri, 14 Mar 2025 09:30:00 +0000`. */
export function rfc822(iso: string): string {
  const [weekday, day, month, year, time] = new Date(Date.parse(iso)).toUTCString().replace(",", "").split(" ");
  return `${weekday}, ${day} ${month} ${year} ${time} +0000`;
}

/** Results kept per format at most: a long-running dev server formats new dates build after build. */
const MAX_REMEMBERED = 250_000;

function remembered(results: Map<string, string>, key: string, make: () => string): string {
  let value = results.get(key);
  if (value === undefined) {
    if (results.size >= MAX_REMEMBERED) results.clear();
    results.set(key, (value = make()));
  }
  return value;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(Math.round(absolute % 60))}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
