const ASCII = /^[\x00-\x7f]*$/;

/**
 * A file or URL name as the strictest host compares it: hosts differ in case sensitivity and
 * Unicode normalisation, so two names equal here would be one file on some of them. ASCII is its
 * own normal form, and nearly every name is ASCII (133,000 output paths at 100,000 stories).
 */
export function foldName(name: string): string {
  return ASCII.test(name) ? name.toLowerCase() : name.normalize("NFC").toLowerCase();
}
