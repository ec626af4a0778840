/**
 * Synthetic corpora in the reference document format, for `npm run bench`.
 *
 * Every document is a pure function of (seed, index, corpus size): document i draws from its own
 * seeded random streams, so a corpus is byte-identical for a seed and size, any one document can
 * be regenerated on its own (to undo a benchmark's edit), and documents can point at each other
 * (related coverage) without generating the whole corpus first.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { mixSeed, Random, Zipf } from "./prng.ts";
import * as words from "./vocabulary.ts";

/** Bump whenever the generated text changes, so corpora on disk are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261124;
/** The benchmark's fixed "now": stories are dated in the two years before it. */
export const BENCH_NOW = "2026-11-24T12:00:00Z";
export const PROVIDER_COUNT = 300;
export const TOPIC_COUNT = 800;
/** Where documents added by the incremental benchmark go, so they can be removed again. */
export const ADDED_FOLDER = "bench-added";
export const COMPLETE_MARKER = ".corpus-complete.json";

const NOW_MS = Date.parse(BENCH_NOW);
const MINUTE = 60_000;
const TWO_YEARS_MINUTES = 2 * 365 * 24 * 60;
const RECENT_MINUTES = 24 * 60;

/** Stream ids: each aspect of a document has its own stream, so changing one leaves the rest alone. */
const STREAM = { vocabulary: 0, core: 1, body: 2 } as const;

export interface Provider {
  name: string;
  domain: string;
  slug: string;
}

export interface Vocabulary {
  /** By Zipf rank: index 0 is the most frequent. */
  providers: Provider[];
  topics: string[];
  providerZipf: Zipf;
  topicZipf: Zipf;
}

/** The facts about a story that other documents can see: who published it, when, and where. */
export interface StoryCore {
  index: number;
  providerRank: number;
  publishedMs: number;
  title: string;
  nonAscii: boolean;
  originalUrl: string;
  webUrl: string;
}

export interface GeneratedDocument {
  /** Path relative to the corpus folder. */
  path: string;
  text: string;
  core: StoryCore;
  published: boolean;
  topicRanks: number[];
  imageCount: number;
  relatedCount: number;
  /** How many related items point at another story of the corpus. */
  internalRelated: number;
}

const vocabularies = new Map<number, Vocabulary>();

/** The corpus's providers and topics, in Zipf rank order; the same for a seed whatever the size. */
export function vocabulary(seed: number): Vocabulary {
  let vocab = vocabularies.get(seed);
  if (vocab) return vocab;
  const random = new Random(mixSeed(seed, STREAM.vocabulary));
  const providerNames = shuffled(
    words.PLACES.flatMap((place) => words.OUTLET_WORDS.map((outlet) => `${outlet === "Daily" ? `${place} Daily` : `The ${place} ${outlet}`}`)),
    random,
  ).slice(0, PROVIDER_COUNT);
  const providers = providerNames.map((name) => {
    const slug = asciiSlug(name.replace(/^The /, ""));
    return { name, slug, domain: `${slug.replaceAll("-", "")}.example` };
  });
  const seen = new Set<string>();
  const topics: string[] = [];
  const candidates = shuffled([...words.TOPIC_SUBJECTS, ...words.TOPIC_MODIFIERS.flatMap((m) => words.TOPIC_SUBJECTS.map((s) => `${m} ${s}`))], random);
  for (const topic of candidates) {
    if (topics.length === TOPIC_COUNT) break;
    if (seen.has(topic.toLowerCase())) continue;
    seen.add(topic.toLowerCase());
    topics.push(topic);
  }
  vocab = { providers, topics, providerZipf: new Zipf(PROVIDER_COUNT), topicZipf: new Zipf(TOPIC_COUNT) };
  vocabularies.set(seed, vocab);
  return vocab;
}

/**
 * The core of story `index` in a corpus of `size`. Stories past the corpus's end are the ones the
 * incremental benchmark adds: they are dated in the last day, as new stories would be.
 */
export function storyCore(seed: number, index: number, size: number): StoryCore {
  const vocab = vocabulary(seed);
  const random = new Random(mixSeed(seed, STREAM.core, index));
  const providerRank = vocab.providerZipf.sample(random);
  const provider = vocab.providers[providerRank]!;
  const minutesAgo = random.int(1, index >= size ? RECENT_MINUTES : TWO_YEARS_MINUTES);
  const publishedMs = NOW_MS - minutesAgo * MINUTE;
  const nonAscii = random.chance(0.05);
  const title = headline(random, nonAscii);
  const date = new Date(publishedMs).toISOString();
  const path = `${date.slice(0, 4)}/${date.slice(5, 7)}/${asciiSlug(title).split("-").slice(0, 8).join("-")}-${index.toString(36)}`;
  const originalUrl = `https://${provider.domain}/${path}`;
  const webUrl = random.chance(0.8) ? originalUrl : `${originalUrl}?ref=broadsheet`;
  return { index, providerRank, publishedMs, title, nonAscii, originalUrl, webUrl };
}

/** Document `index` of a corpus of `size`, as file text in the reference format. */
export function generateDocument(seed: number, index: number, size: number): GeneratedDocument {
  const vocab = vocabulary(seed);
  const core = storyCore(seed, index, size);
  const provider = vocab.providers[core.providerRank]!;
  const random = new Random(mixSeed(seed, STREAM.body, index));

  const published = !random.chance(0.1);
  const category = random.chance(0.88) ? "news" : random.pick(words.CATEGORIES);
  const topicRanks = distinctSamples(random.int(1, 4), () => vocab.topicZipf.sample(random));
  // Now and then a topic is spelled in lower case, as people do; the site merges the spellings.
  const topics = topicRanks.map((rank) => (random.chance(0.03) ? vocab.topics[rank]!.toLowerCase() : vocab.topics[rank]!));
  const lines: string[] = [
    "---",
    `category: ${category}`,
    `title: ${quote(core.title)}`,
    `excerpt: ${quote(excerpt(random, 25, 45))}`,
    `publishedDateTime: ${isoMinute(core.publishedMs)}`,
  ];
  if (random.chance(0.2)) lines.push(`updatedDateTime: ${isoMinute(Math.min(NOW_MS, core.publishedMs + random.int(10, 600) * MINUTE))}`);
  lines.push(
    `originalUrl: ${quote(core.originalUrl)}`,
    `webUrl: ${quote(core.webUrl)}`,
    "type: article",
    `quality: ${random.int(0, 100)}`,
    `heat: ${random.chance(0.6) ? -1 : random.int(0, 100)}`,
    `published: ${published}`,
    "",
    "provider:",
    `  name: ${provider.name}`,
    `  domain: ${provider.domain}`,
  );
  if (random.chance(0.2)) lines.push("  images:", `    - url: "/assets/logos/${provider.slug}.png"`, "      width: 120", "      height: 40");
  if (random.chance(0.15)) lines.push("  authors:", `    - name: ${quote(personName(random))}`);
  lines.push("", "topics:", ...topics.map((topic) => `  - ${quote(topic)}`));

  const imageCount = random.chance(0.7) ? (random.chance(0.15) ? 2 : 1) : 0;
  if (imageCount > 0) {
    lines.push("", "images:");
    for (let i = 0; i < imageCount; i += 1) lines.push(...imageLines(random, `img.${provider.domain}`, core.publishedMs, "  "));
  }

  const relatedCount = random.int(0, 3);
  let internalRelated = 0;
  if (relatedCount > 0) {
    lines.push("", "related:");
    for (let i = 0; i < relatedCount; i += 1) {
      // About a third of related coverage is another story of the corpus, which the site links to.
      const target = size > 1 && random.chance(0.35) ? otherIndex(random, index, size) : undefined;
      if (target !== undefined) internalRelated += 1;
      lines.push(...relatedLines(random, vocab, target === undefined ? undefined : storyCore(seed, target, size), core));
    }
  }
  lines.push("", `secured: ${quote(securedBlob(random))}`, "---", "");

  const date = new Date(core.publishedMs).toISOString().slice(0, 10);
  const path =
    index >= size
      ? `${ADDED_FOLDER}/${date}-${asciiSlug(core.title).split("-").slice(0, 8).join("-")}-${index.toString(36)}.md`
      : index % 2 === 0
        ? `posts/${date.slice(0, 4)}/${date}-${asciiSlug(core.title).split("-").slice(0, 8).join("-")}-${index.toString(36)}.md`
        : `imports/${String(Math.floor(index / 1000)).padStart(3, "0")}/${String(index).padStart(6, "0")}_${random.hex(16)}.txt`;
  return { path, text: lines.join("\n"), core, published, topicRanks, imageCount, relatedCount, internalRelated };
}

export interface CorpusInfo {
  dir: string;
  size: number;
  seed: number;
  reused: boolean;
  seconds: number;
  bytes: number;
}

interface Marker {
  version: number;
  seed: number;
  size: number;
  bytes: number;
}

/**
 * Makes sure `dir` holds the corpus for (seed, size): reuses it when its completion marker matches
 * (the marker is written last, so an interrupted generation is never reused), else writes it anew.
 * Also undoes what an earlier, interrupted incremental benchmark left behind.
 */
export function ensureCorpus(dir: string, size: number, seed = DEFAULT_SEED): CorpusInfo {
  const started = performance.now();
  const markerPath = join(dir, COMPLETE_MARKER);
  const marker = existsSync(markerPath) ? (JSON.parse(readFileSync(markerPath, "utf8")) as Marker) : undefined;
  if (marker && marker.version === GENERATOR_VERSION && marker.seed === seed && marker.size === size) {
    restoreCorpus(dir, size, seed);
    return { dir, size, seed, reused: true, seconds: (performance.now() - started) / 1000, bytes: marker.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  let bytes = 0;
  for (let index = 0; index < size; index += 1) {
    const doc = generateDocument(seed, index, size);
    const file = join(dir, doc.path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, doc.text);
    bytes += Buffer.byteLength(doc.text);
  }
  writeFileSync(markerPath, JSON.stringify({ version: GENERATOR_VERSION, seed, size, bytes } satisfies Marker));
  return { dir, size, seed, reused: false, seconds: (performance.now() - started) / 1000, bytes };
}

/**
 * Adds `count` new stories (dated in the last day) to the corpus, numbered from `first` (the
 * corpus's size, or more for a later batch); returns their paths.
 */
export function addDocuments(dir: string, size: number, count: number, seed = DEFAULT_SEED, first = size): string[] {
  const paths: string[] = [];
  for (let index = first; index < first + count; index += 1) {
    const doc = generateDocument(seed, index, size);
    mkdirSync(dirname(join(dir, doc.path)), { recursive: true });
    writeFileSync(join(dir, doc.path), doc.text);
    paths.push(doc.path);
  }
  return paths;
}

/** The document the "edit one" benchmark changes: a published story from the middle of the corpus. */
export function editTarget(size: number, seed = DEFAULT_SEED): GeneratedDocument {
  for (let index = Math.floor(size / 2); ; index = (index + 1) % size) {
    const doc = generateDocument(seed, index, size);
    if (doc.published) return doc;
  }
}

/** Rewrites the edit target with a different excerpt, as an editor fixing a summary would; returns its path. */
export function editDocument(dir: string, size: number, seed = DEFAULT_SEED): string {
  const doc = editTarget(size, seed);
  const edited = doc.text.replace(/^excerpt: "(.*)"$/m, (_line, text: string) => `excerpt: "${text} Updated with comment from the operator."`);
  if (edited === doc.text) throw new Error(`could not edit the excerpt of ${doc.path}`);
  writeFileSync(join(dir, doc.path), edited);
  return doc.path;
}

/** Puts the corpus back as generated: no added stories, the edit target as it was. */
export function restoreCorpus(dir: string, size: number, seed = DEFAULT_SEED): void {
  rmSync(join(dir, ADDED_FOLDER), { recursive: true, force: true });
  const doc = editTarget(size, seed);
  const file = join(dir, doc.path);
  if (!existsSync(file) || readFileSync(file, "utf8") !== doc.text) writeFileSync(file, doc.text);
}

function headline(random: Random, nonAscii: boolean): string {
  const parts = [
    random.chance(0.6) ? random.pick(words.PLACES) : capitalise(random.pick(words.ADJECTIVES)),
    random.pick(words.NOUNS),
    random.pick(words.VERBS),
    random.pick(words.ADJECTIVES),
    random.pick(words.NOUNS),
  ];
  if (random.chance(0.5)) parts.push(random.pick(words.QUALIFIERS));
  if (nonAscii) parts.splice(random.int(1, parts.length), 0, random.pick(words.NON_ASCII_WORDS));
  return parts.map((part) => part.split(" ").map(capitalise).join(" ")).join(" ");
}

function excerpt(random: Random, min: number, max: number): string {
  const count = random.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(random.pick(words.FILLER));
  let text = `${capitalise(out.join(" "))}.`;
  if (random.chance(0.03)) text += ` ${random.pick(words.HASHTAGS)}`;
  return text;
}

function relatedLines(random: Random, vocab: Vocabulary, target: StoryCore | undefined, story: StoryCore): string[] {
  const provider = vocab.providers[target?.providerRank ?? vocab.providerZipf.sample(random)]!;
  const publishedMs = target?.publishedMs ?? story.publishedMs - random.int(60, 10 * 24 * 60) * MINUTE;
  const title = target?.title ?? headline(random, false);
  const url = target?.webUrl ?? `https://${provider.domain}/coverage/${asciiSlug(title).split("-").slice(0, 6).join("-")}-${random.hex(6)}`;
  const lines = [
    `  - title: ${quote(title)}`,
    `    excerpt: ${quote(excerpt(random, 12, 24))}`,
    `    publishedDateTime: ${isoMinute(publishedMs)}`,
    `    webUrl: ${quote(url)}`,
    "    type: article",
    "    provider:",
    `      name: ${provider.name}`,
    `      domain: ${provider.domain}`,
    `    quality: ${random.int(0, 100)}`,
  ];
  if (random.chance(0.6)) lines.push("    images:", ...imageLines(random, `img.${provider.domain}`, publishedMs, "      "));
  return lines;
}

function imageLines(random: Random, host: string, publishedMs: number, indent: string): string[] {
  const date = new Date(publishedMs).toISOString();
  const width = random.int(640, 2000);
  const lines = [
    `${indent}- url: "https://${host}/uploads/${date.slice(0, 4)}/${date.slice(5, 7)}/${random.hex(12)}.jpg"`,
    `${indent}  width: ${width}`,
    `${indent}  height: ${Math.round(width * random.pick([0.5625, 0.66, 0.75]))}`,
  ];
  if (random.chance(0.5)) lines.push(`${indent}  isCached: true`);
  return lines;
}

/** A stand-in for the curator's encrypted blob: random base64, the reference's shape and length. */
function securedBlob(random: Random): string {
  return `${Buffer.from(random.bytes(random.int(420, 480))).toString("base64")};${Buffer.from(random.bytes(16)).toString("base64")}`;
}

function personName(random: Random): string {
  return `${random.pick(["Ada", "Bram", "Cleo", "Dev", "Esme", "Femi", "Greta", "Hal", "Ines", "Jun"])} ${random.pick(["Marsh", "Quill", "Tanner", "Okafor", "Lind", "Novak", "Reyes", "Sato"])}`;
}

function otherIndex(random: Random, index: number, size: number): number {
  const other = random.int(0, size - 2);
  return other >= index ? other + 1 : other;
}

function distinctSamples(count: number, draw: () => number): number[] {
  const picked: number[] = [];
  for (let attempts = 0; picked.length < count && attempts < count * 20; attempts += 1) {
    const rank = draw();
    if (!picked.includes(rank)) picked.push(rank);
  }
  return picked;
}

function shuffled<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A YAML double-quoted scalar; JSON's escapes are a subset of YAML's. */
function quote(text: string): string {
  return JSON.stringify(text);
}

function isoMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}:00Z`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function asciiSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
