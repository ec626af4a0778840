import { deserialize, serialize } from "node:v8";
import type { ArticleSummary, Image } from "../content/article.ts";
import type { CachedDocument, ContentCache } from "../content/content-cache.ts";

/**
 * One shard of the content cache, as columns in V8's format.
 *
 * Written as a Map of objects, a shard was read back field by field, and every story got its
 * own copy of every type, category, provider and topic name: at 100,000 documents, 0.59 s, and
 * 2.4 million objects for the collector to copy about. As columns, with the names that recur
 * kept once per shard, the same documents read in 0.40 s, and the stories share their names.
 */
interface ShardColumns {
  files: string[];
  /** Each document's size and modification time, in turn. */
  stats: Float64Array;
  /** The names that recur: types, categories, providers, their domains, topics. */
  names: string[];
  /** Per document, `NO_SUMMARY`, or the summary's names (indexes into `names`) and counts, in the order `encode` writes them. */
  codes: Int32Array;
  /** Each summary's publication time, in milliseconds. */
  instants: Float64Array;
  /** The summaries' own text, in the order `encode` writes it. */
  texts: (string | undefined)[];
  /** Per document. */
  images: (Image | undefined)[];
  /** Per document. */
  issues: (Issues | undefined)[];
}

type Issues = Pick<CachedDocument, "errors" | "warnings">;

const NO_SUMMARY = -2;
const ABSENT = -1;
const DRAFT = 1;
const REMOVED = 2;
/** The summary's source path is not its document's path, and is among its texts. */
const OWN_PATH = 4;

/** Every field of a summary, so that a field added to it cannot be left out of the shard unnoticed. */
type Encoded = "publishedAt" | "sourcePath" | "revision" | "identity" | "title" | "excerpt" | "type" | "category" | "publishedDateTime" | "updatedDateTime" | "readUrl" | "draft" | "removed" | "topics" | "provider" | "image" | "relatedUrls" | "titleSlug";
const everyFieldEncoded: Exclude<keyof ArticleSummary, Encoded> extends never ? true : never = true;
void everyFieldEncoded;

export function encodeShard(entries: ReadonlyMap<string, CachedDocument>): Uint8Array {
  const columns: Omit<ShardColumns, "stats" | "codes" | "instants"> = { files: [], names: [], texts: [], images: [], issues: [] };
  const stats: number[] = [];
  const instants: number[] = [];
  const codes: number[] = [];
  const nameCodes = new Map<string, number>();
  const name = (text: string | undefined): number => {
    if (text === undefined) return ABSENT;
    let code = nameCodes.get(text);
    if (code === undefined) nameCodes.set(text, (code = columns.names.push(text) - 1));
    return code;
  };
  for (const [file, entry] of entries) {
    columns.files.push(file);
    stats.push(entry.size, entry.mtimeMs);
    columns.images.push(entry.summary?.image);
    columns.issues.push(entry.errors || entry.warnings ? { errors: entry.errors, warnings: entry.warnings } : undefined);
    const summary = entry.summary;
    if (summary === undefined) {
      codes.push(NO_SUMMARY);
      continue;
    }
    const ownPath = summary.sourcePath !== file;
    instants.push(summary.publishedAt);
    codes.push(name(summary.type), name(summary.category), name(summary.provider.name), name(summary.provider.domain));
    codes.push((summary.draft ? DRAFT : 0) | (summary.removed ? REMOVED : 0) | (ownPath ? OWN_PATH : 0));
    codes.push(summary.topics.length, ...summary.topics.map(name), summary.relatedUrls.length);
    const { revision, identity, title, excerpt, publishedDateTime, updatedDateTime, readUrl, titleSlug } = summary;
    columns.texts.push(revision, identity, title, excerpt, publishedDateTime, updatedDateTime, readUrl, titleSlug, ...summary.relatedUrls);
    if (ownPath) columns.texts.push(summary.sourcePath);
  }
  return serialize({ ...columns, stats: new Float64Array(stats), codes: new Int32Array(codes), instants: new Float64Array(instants) } satisfies ShardColumns);
}

/** Adds the documents of a shard that `encodeShard` wrote to `content`. */
export function decodeShardInto(data: Uint8Array, content: ContentCache): void {
  const { files, stats, names, codes, texts, images, issues, instants } = deserialize(data) as ShardColumns;
  let c = 0;
  let s = 0;
  let t = 0;
  // Read in the order `encodeShard` wrote.
  const code = () => codes[c++]!;
  const name = () => names[code()]!;
  const optionalName = () => {
    const n = code();
    return n === ABSENT ? undefined : names[n];
  };
  const text = () => texts[t++];
  for (const [i, file] of files.entries()) {
    const issue = issues[i];
    const entry: CachedDocument = { size: stats[2 * i]!, mtimeMs: stats[2 * i + 1]!, summary: undefined, errors: issue?.errors, warnings: issue?.warnings };
    content.set(file, entry);
    if (codes[c] === NO_SUMMARY) {
      c += 1;
      continue;
    }
    const type = name();
    const category = optionalName();
    const provider = { name: name(), domain: optionalName() };
    const flags = code();
    const topics: string[] = [];
    for (let n = code(); n > 0; n -= 1) topics.push(name());
    const relatedCount = code();
    const [revision, identity, title, excerpt, publishedDateTime] = [text()!, text()!, text()!, text()!, text()!];
    const [updatedDateTime, readUrl, titleSlug] = [text(), text(), text()!];
    const relatedUrls: string[] = [];
    for (let n = relatedCount; n > 0; n -= 1) relatedUrls.push(text()!);
    const sourcePath = flags & OWN_PATH ? text()! : file;
    // The fields in the order `summarise` gives them, as a freshly parsed document has them.
    entry.summary = {
      sourcePath,
      revision,
      identity,
      title,
      excerpt,
      type,
      category,
      publishedDateTime,
      updatedDateTime,
      readUrl,
      draft: (flags & DRAFT) !== 0,
      removed: (flags & REMOVED) !== 0,
      topics,
      provider,
      image: images[i],
      relatedUrls,
      titleSlug,
      publishedAt: instants[s++]!,
    };
  }
}
