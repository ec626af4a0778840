import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { checkUrl } from "./safe-url.ts";

/** Hosts whose players may be embedded, in `featuredContent` and in bodies. */
export const EMBED_HOSTS = ["www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com"];

/** Called for every URL the sanitiser takes out, so the build can warn about it. */
export type DroppedUrl = (url: string, reason: string) => void;

// Bodies are Markdown or HTML. Raw HTML is let through here and then cut down to an allow-list
// by sanitize-html: documents are untrusted content, never templates.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
// markdown-it would turn a `javascript:` link into plain text without a word; every link goes to
// the one URL gate instead, which drops it with a warning.
markdown.validateLink = () => true;

const BODY_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
  "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "code", "pre",
  "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "iframe",
];

const IFRAME_ATTRIBUTES = ["src", "width", "height", "title", "allow", "allowfullscreen"];

function bodyPolicy(onDropped: DroppedUrl): sanitizeHtml.IOptions {
  return {
    allowedTags: BODY_TAGS,
    // No class, id or style: nothing a document writes may restyle the page or load anything.
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "alt", "title", "width", "height"],
      iframe: IFRAME_ATTRIBUTES,
      ol: ["start"],
      th: ["align", "colspan", "rowspan"],
      td: ["align", "colspan", "rowspan"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { iframe: ["https"] },
    allowedIframeHostnames: EMBED_HOSTS,
    allowIframeRelativeUrls: false,
    allowProtocolRelative: false,
    // Headings in a body sit below the page's own h1.
    transformTags: {
      h1: "h2",
      a: (tagName, attribs) => ({ tagName, attribs: { ...withSafeUrl(attribs, "href", onDropped), rel: "nofollow noopener" } }),
      img: (tagName, attribs) => ({ tagName, attribs: withSafeUrl(attribs, "src", onDropped) }),
      iframe: (tagName, attribs) => ({ tagName, attribs: withEmbedSource(attribs, onDropped) }),
    },
    // An image or frame whose source was dropped shows nothing; leave no empty element behind.
    exclusiveFilter: (frame) => (frame.tag === "img" || frame.tag === "iframe") && !frame.attribs["src"],
  };
}

const EMBED_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["iframe"],
  allowedAttributes: { iframe: IFRAME_ATTRIBUTES },
  allowedSchemes: ["https"],
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs["src"],
};

/**
 * A Markdown or HTML body → HTML from an allow-list: no script, event handler, style, form or
 * frame other than a video player from `EMBED_HOSTS`. Unsafe URLs are reported to `onDropped`.
 */
export function renderBody(source: string, onDropped: DroppedUrl = () => {}): string {
  return sanitizeHtml(markdown.render(source), bodyPolicy(onDropped)).trim();
}

/** `featuredContent` → only iframes from the embed allow-list survive; everything else is dropped. */
export function sanitiseEmbed(html: string): string {
  return sanitizeHtml(html, EMBED_POLICY).trim();
}

// Relative paths like `foo/bar` would resolve differently on every page; only the shared gate decides.
function withSafeUrl(attribs: sanitizeHtml.Attributes, name: string, onDropped: DroppedUrl): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined) return attribs;
  const { [name]: _dropped, ...rest } = attribs;
  const check = checkUrl(value);
  if (check.ok) return { ...rest, [name]: check.url };
  onDropped(value, check.reason);
  return rest;
}

function withEmbedSource(attribs: sanitizeHtml.Attributes, onDropped: DroppedUrl): sanitizeHtml.Attributes {
  const safe = withSafeUrl(attribs, "src", onDropped);
  const src = safe["src"];
  if (src === undefined) return safe;
  const host = URL.canParse(src) ? new URL(src).hostname : "";
  if (src.startsWith("https://") && EMBED_HOSTS.includes(host)) return safe;
  onDropped(src, `frames are kept only for video players from ${EMBED_HOSTS.join(", ")}`);
  const { src: _dropped, ...rest } = safe;
  return rest;
}
