import { decodeHTML } from "entities";

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * The one gate every URL from a document passes before it can become a link or an image source.
 * Allows http, https, mailto and site-relative paths; decodes entities and strips the control
 * and space characters browsers ignore first, so disguises like ` JaVa&#x09;script:` are caught.
 */
export function checkUrl(value: string): UrlCheck {
  const decoded = decodeHTML(value);
  // Browsers drop ASCII whitespace and control characters anywhere in a scheme.
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (compact === "") return { ok: false, reason: "empty URL" };
  if (compact.includes("\\")) return { ok: false, reason: "backslashes are not allowed in URLs" };

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!ALLOWED_SCHEMES.has(`${scheme}:`)) return { ok: false, reason: `the ${scheme}: scheme is not allowed` };
    return parseAbsolute(decoded.trim());
  }
  if (compact.startsWith("//")) return parseAbsolute(`https:${decoded.trim()}`);
  if (compact.startsWith("/")) return { ok: true, url: encodeURI(safeDecodeURI(decoded.trim())) };
  return { ok: false, reason: "only http, https, mailto and site-relative (/…) URLs are allowed" };
}

function parseAbsolute(text: string): UrlCheck {
  try {
    const url = new URL(text);
    if (!ALLOWED_SCHEMES.has(url.protocol)) return { ok: false, reason: `the ${url.protocol} scheme is not allowed` };
    if (url.protocol !== "mailto:" && url.hostname === "") return { ok: false, reason: "the URL has no host" };
    return { ok: true, url: url.href };
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
}

// A path may arrive already percent-encoded; decode first so it is not encoded twice.
function safeDecodeURI(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
