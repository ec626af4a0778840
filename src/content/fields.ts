import { DateTime } from "luxon";
import { describeFound, type ContentIssue } from "./content-error.ts";
import { checkUrl } from "./safe-url.ts";

/**
 * Reads fields out of untrusted front matter, collecting problems instead of throwing.
 * Every reader takes `unknown` and returns a trusted value or `undefined`.
 */
export class FieldReader {
  readonly errors: ContentIssue[] = [];
  readonly warnings: ContentIssue[] = [];
  private readonly secret: string | undefined;

  /**
   * `secret` is the document's `secured` value. It is never shown; a field that holds it (a YAML
   * alias can copy it anywhere) is an error, so it cannot reach a page, a feed or a log.
   */
  constructor(
    readonly file: string,
    secret?: string,
  ) {
    // Shorter values would match ordinary words; real ones are long base64 pairs.
    this.secret = secret !== undefined && secret.length >= MIN_SECRET_LENGTH ? secret : undefined;
  }

  error(field: string, reason: string, value?: unknown): undefined {
    this.errors.push({ file: this.file, field, reason, found: this.describe(value) });
    return undefined;
  }

  warn(field: string, reason: string, value?: unknown): undefined {
    this.warnings.push({ file: this.file, field, reason, found: this.describe(value) });
    return undefined;
  }

  /** True when `text` holds the document's secured value. */
  holdsSecret(text: string): boolean {
    return this.secret !== undefined && text.includes(this.secret);
  }

  private describe(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    return typeof value === "string" && this.holdsSecret(value) ? "withheld: it holds the secured value" : describeFound(value);
  }

  /** Plain text; numbers are accepted as their digits. Whitespace runs fold to one space. */
  text(field: string, value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "boolean") return String(value);
    if (typeof value !== "string") return this.error(field, "must be text", value);
    const text = foldWhitespace(value);
    if (this.holdsSecret(value) || (text !== value && this.holdsSecret(text))) return this.error(field, "must not contain the document's secured value", value);
    return text;
  }

  requiredText(field: string, value: unknown): string | undefined {
    if (value === undefined || value === null) return this.error(field, "is required");
    const errorsBefore = this.errors.length;
    const text = this.text(field, value);
    if (this.errors.length > errorsBefore) return undefined;
    if (!text) return this.error(field, "must not be empty", value);
    return text;
  }

  /** Whole numbers, also when written as strings ("42"). */
  integer(field: string, value: unknown): number | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isSafeInteger(number)) return this.error(field, "must be a whole number", value);
    return number;
  }

  positiveInteger(field: string, value: unknown): number | undefined {
    const number = this.integer(field, value);
    if (number !== undefined && number <= 0) return this.error(field, "must be greater than 0", value);
    return number;
  }

  boolean(field: string, value: unknown): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "false") return value === "true";
    return this.error(field, "must be true or false", value);
  }

  /** An instant, as a YAML string or a Date, returned as ISO 8601 in UTC. Impossible dates are errors, never rolled over. */
  dateTime(field: string, value: unknown): string | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string" && isCanonicalInstant(value)) return value;
    let parsed: DateTime;
    if (value instanceof Date) {
      parsed = DateTime.fromJSDate(value, { zone: "utc" });
    } else if (typeof value === "string") {
      // ISO's expanded years (+012024) parse, but no date URL or feed can carry them.
      if (/^\s*[+-]?\d{5,}-/.test(value)) return this.error(field, "must have a four-digit year", value);
      // YAML allows a space between date and time; ISO wants a T. Values without an offset are UTC, as the format says.
      const iso = value.trim().replace(/^(\d{4}-\d{2}-\d{2})[ ]+(?=\d)/, "$1T").replace(/\s+(?=(Z|[+-]\d{2}(:?\d{2})?)$)/, "");
      parsed = DateTime.fromISO(iso, { zone: "utc", setZone: true });
    } else {
      return this.error(field, `must be an ISO 8601 date-time such as ${ISO_EXAMPLE}`, value);
    }
    if (!parsed.isValid) return this.error(field, explainInvalidDate(parsed), value);
    const year = parsed.toUTC().year;
    if (year < 1000 || year > 9999) return this.error(field, "must have a four-digit year", value);
    return parsed.toUTC().toISO({ suppressMilliseconds: true })!;
  }

  /** A URL that passed the scheme gate; a bad one is dropped with a warning, not an error. */
  url(field: string, value: unknown): string | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return this.warn(field, "dropped: a URL must be text", value);
    if (this.holdsSecret(value)) return this.error(field, "must not contain the document's secured value", value);
    const check = checkUrl(value);
    if (!check.ok) return this.warn(field, `dropped: ${check.reason}`, value);
    return check.url;
  }

  map(field: string, value: unknown): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) return this.error(field, "must be a map of fields", value);
    return value as Record<string, unknown>;
  }

  /** A list; a single value stands for a list of one when `singleAllowed`. */
  list(field: string, value: unknown, singleAllowed = false): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    if (singleAllowed) return [value];
    this.error(field, "must be a list", value);
    return [];
  }

  /** A list of text items (e.g. topics). Nested lists fail on the first one, without walking into them. */
  textList(field: string, value: unknown): string[] {
    const items = this.list(field, value, true);
    const result: string[] = [];
    for (const [index, item] of items.entries()) {
      if (typeof item === "object" && item !== null) {
        this.error(`${field}[${index}]`, "must be text, not a nested list or map", item);
        return [];
      }
      const text = this.text(`${field}[${index}]`, item);
      if (text) result.push(text);
    }
    return result;
  }
}

const MIN_SECRET_LENGTH = 8;

const ISO_EXAMPLE = "2024-05-01T09:30:00Z";

/** Luxon's explanation, put the way a person writing a document thinks of it. */
function explainInvalidDate(parsed: DateTime): string {
  const impossible = /you specified (\S+) \(of type \w+\) as an? (\w+), which is invalid/.exec(parsed.invalidExplanation ?? "");
  if (impossible) {
    const [, value, unit] = impossible;
    return `is not a real date-time: there is no ${unit} ${value}${unit === "day" ? " in that month" : ""}`;
  }
  return `is not an ISO 8601 date-time such as ${ISO_EXAMPLE}`;
}

export function foldWhitespace(text: string): string {
  // Most values are folded already; the three passes below each copy the text.
  if (!NEEDS_FOLDING.test(text)) return text;
  // Control characters other than tab and newline have no place in text shown to readers.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
}

/** What the folding changes: a control character, whitespace but a single space, or a space at an end. */
const NEEDS_FOLDING = /[\u0000-\u001f\u007f]|[^\S ]| {2}|^ | $/;

const CANONICAL_INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A date already in the form dates are stored in, `2025-03-14T09:30:00Z`, naming a real instant:
 * most documents' dates, checked without luxon, which costs a tenth of a document's load.
 * Anything else (offsets, 30 February, leap seconds) goes through luxon.
 */
function isCanonicalInstant(value: string): boolean {
  if (!CANONICAL_INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === `${value.slice(0, 19)}.000Z`;
}
