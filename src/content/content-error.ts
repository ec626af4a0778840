/**
 * A problem with one document, kept as a value until the CLI prints it:
 * `path → field: reason (found)`.
 */
export interface ContentIssue {
  /** Document path relative to the content folder. */
  file: string;
  /** The front-matter field at fault, dotted for nested fields (`provider.name`, `images[2].url`); `(file)` for the whole document. */
  field: string;
  reason: string;
  /** A short, safe description of what was found, never the full value. */
  found?: string;
}

export function formatIssue(issue: ContentIssue): string {
  const found = issue.found === undefined ? "" : ` (${issue.found})`;
  return `${issue.file} → ${issue.field}: ${issue.reason}${found}`;
}

/** Describes a value in a few words for an error message, without walking or copying it. */
export function describeFound(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  switch (typeof value) {
    case "string": {
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      return JSON.stringify(shown);
    }
    case "number":
    case "boolean":
      return String(value);
    case "object":
      return "a map";
    default:
      return typeof value;
  }
}
