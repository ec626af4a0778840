import type { Action, Article, CourseDetails, Image, ProviderRef, RelatedItem } from "./article.ts";
import type { ContentIssue } from "./content-error.ts";
import { FieldReader } from "./fields.ts";
import { renderBody, sanitiseEmbed } from "./html.ts";
import { termKey } from "./term-key.ts";

export type ValidationResult =
  | { ok: true; article: Article; warnings: ContentIssue[] }
  | { ok: false; errors: ContentIssue[]; warnings: ContentIssue[] };

export interface DocumentInput {
  /** Path relative to the content folder. */
  file: string;
  revision: string;
  data: unknown;
  body: string;
}

/**
 * Untrusted front matter → a typed Article, or every problem found in it.
 * Reads only the fields it knows: unknown fields are never looked at or copied, and `secured`
 * only so that no other field can carry its value out.
 */
export function validateArticle(input: DocumentInput): ValidationResult {
  const data = input.data as Record<string, unknown>;
  const read = new FieldReader(input.file, typeof data.secured === "string" ? data.secured : undefined);

  const title = read.requiredText(data.title === undefined && data.name !== undefined ? "name" : "title", data.title ?? data.name);
  const excerpt = read.text("excerpt", data.excerpt) ?? "";
  const type = (read.text("type", data.type) ?? "article").toLowerCase() || "article";
  const category = read.text("category", data.category) || undefined;

  const publishedField = data.publishedDateTime !== undefined ? "publishedDateTime" : "updatedDateTime";
  const updatedDateTime = read.dateTime("updatedDateTime", data.updatedDateTime);
  const publishedDateTime = data.publishedDateTime !== undefined ? read.dateTime("publishedDateTime", data.publishedDateTime) : updatedDateTime;
  if (publishedDateTime === undefined && !read.errors.some((e) => e.field === publishedField)) {
    read.error("publishedDateTime", "is required (a news item needs a publication date-time such as 2024-05-01T09:30:00Z)");
  }

  const originalUrl = read.url("originalUrl", data.originalUrl);
  const webUrl = read.url("webUrl", data.webUrl);
  const ampUrl = read.url("ampWebUrl", data.ampWebUrl) ?? read.url("cdnAmpWebUrl", data.cdnAmpWebUrl);

  const quality = read.integer("quality", data.quality);
  const heat = read.integer("heat", data.heat);
  const published = read.boolean("published", data.published);
  const removed = read.boolean("removed", data.removed) ?? false;

  const provider = readProvider(read, data.provider);
  const topics = dedupe(read.textList("topics", data.topics));
  const images = read.list("images", data.images).flatMap((item, i) => readImage(read, `images[${i}]`, item) ?? []);
  const related = read.list("related", data.related).flatMap((item, i) => readRelated(read, `related[${i}]`, item) ?? []);
  const actions = read.list("actions", data.actions).flatMap((item, i) => readAction(read, `actions[${i}]`, item) ?? []);
  const course = readCourse(read, data);

  const featuredSource = read.text("featuredContent", typeof data.featuredContent === "string" ? data.featuredContent.trim() : data.featuredContent);
  const featuredHtml = typeof data.featuredContent === "string" && featuredSource ? sanitiseEmbed(data.featuredContent) : undefined;
  if (featuredSource && !featuredHtml) read.warn("featuredContent", "dropped: only video embeds from allowed hosts are kept");
  if (featuredHtml && read.holdsSecret(featuredHtml)) read.error("featuredContent", "must not contain the document's secured value");

  const bodyHtml = readBody(read, input.body);

  if (read.errors.length > 0 || title === undefined || publishedDateTime === undefined || provider === undefined) {
    return { ok: false, errors: read.errors, warnings: read.warnings };
  }
  const article: Article = {
    sourcePath: input.file,
    revision: input.revision,
    identity: originalUrl ?? webUrl ?? `${title}\u0000${publishedDateTime}`,
    title,
    excerpt,
    type,
    category,
    publishedDateTime,
    updatedDateTime: updatedDateTime && updatedDateTime !== publishedDateTime ? updatedDateTime : undefined,
    readUrl: webUrl ?? originalUrl,
    originalUrl,
    ampUrl,
    quality,
    heat,
    draft: published === false,
    removed,
    provider,
    topics,
    images,
    related,
    featuredHtml: featuredHtml || undefined,
    actions,
    course,
    bodyHtml: bodyHtml || undefined,
  };
  return { ok: true, article, warnings: read.warnings };
}

function readBody(read: FieldReader, body: string): string | undefined {
  if (body.trim() === "") return undefined;
  const html = renderBody(body, (url, reason) => read.warn("(body)", `dropped: ${reason}`, url));
  // Entities and Markdown escapes can spell the secured value in ways the source does not show.
  if (read.holdsSecret(body) || read.holdsSecret(html)) return read.error("(body)", "must not contain the document's secured value");
  return html;
}

function readProvider(read: FieldReader, value: unknown): ProviderRef | undefined {
  if (value === undefined || value === null) return read.error("provider", "is required (the outlet: a map with a name, and usually a domain)");
  if (typeof value === "string") {
    const name = read.requiredText("provider", value);
    return name === undefined ? undefined : { name, authors: [] };
  }
  const map = read.map("provider", value);
  if (map === undefined) return undefined;
  const name = read.requiredText("provider.name", map.name);
  const domain = read.text("provider.domain", map.domain) || undefined;
  const logo = read.list("provider.images", map.images).flatMap((item, i) => readImage(read, `provider.images[${i}]`, item) ?? [])[0];
  const authors = read
    .list("provider.authors", map.authors, true)
    .flatMap((item, i) => read.text(`provider.authors[${i}]`, typeof item === "object" && item !== null ? (item as Record<string, unknown>).name : item) || []);
  return name === undefined ? undefined : { name, domain, logo, authors };
}

function readImage(read: FieldReader, field: string, value: unknown): Image | undefined {
  const map = read.map(field, value);
  if (map === undefined) return undefined;
  const url = read.url(`${field}.url`, map.url);
  if (url === undefined) return map.url === undefined ? read.warn(`${field}.url`, "dropped: an image needs a url") : undefined;
  const width = read.positiveInteger(`${field}.width`, map.width);
  const height = read.positiveInteger(`${field}.height`, map.height);
  const title = read.text(`${field}.title`, map.title) || undefined;
  // A size is only useful as a pair: it reserves the image's box before it loads.
  return width !== undefined && height !== undefined ? { url, width, height, title } : { url, title };
}

function readRelated(read: FieldReader, field: string, value: unknown): RelatedItem | undefined {
  const map = read.map(field, value);
  if (map === undefined) return undefined;
  const title = read.requiredText(`${field}.title`, map.title);
  const excerpt = read.text(`${field}.excerpt`, map.excerpt) ?? "";
  const url = read.url(`${field}.webUrl`, map.webUrl) ?? read.url(`${field}.originalUrl`, map.originalUrl);
  const publishedDateTime = read.dateTime(`${field}.publishedDateTime`, map.publishedDateTime);
  const type = read.text(`${field}.type`, map.type) || undefined;
  const providerMap = typeof map.provider === "string" ? { name: map.provider } : read.map(`${field}.provider`, map.provider);
  const providerName = providerMap ? read.text(`${field}.provider.name`, providerMap.name) : undefined;
  const provider = providerName ? { name: providerName, domain: read.text(`${field}.provider.domain`, providerMap?.domain) || undefined } : undefined;
  const image = read.list(`${field}.images`, map.images).flatMap((item, i) => readImage(read, `${field}.images[${i}]`, item) ?? [])[0];
  return title === undefined ? undefined : { title, excerpt, url, publishedDateTime, type, provider, image };
}

function readAction(read: FieldReader, field: string, value: unknown): Action | undefined {
  const map = read.map(field, value);
  if (map === undefined) return undefined;
  const url = read.url(`${field}.url`, map.url);
  if (url === undefined) return undefined;
  const type = read.text(`${field}.type`, map.type) || undefined;
  const title = read.text(`${field}.title`, map.title) || (type === "download" ? "Download" : "Open");
  const attribution = read.text(`${field}.attribution`, map.attribution) || undefined;
  return { url, type, title, attribution };
}

function readCourse(read: FieldReader, data: Record<string, unknown>): CourseDetails | undefined {
  if (data.price === undefined && data.length === undefined && data.levels === undefined) return undefined;
  const price = read.text("price", data.price) || undefined;
  const length = read.text("length", data.length) || undefined;
  if (length !== undefined && !/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(length)) {
    read.error("length", "must be an ISO 8601 duration such as PT13M34S", data.length);
  }
  const levels = read.textList("levels", data.levels);
  return { price, length, levels };
}

/** Keeps the first spelling of each name. */
function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = termKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
