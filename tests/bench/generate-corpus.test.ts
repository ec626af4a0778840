import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ADDED_FOLDER,
  addDocuments,
  BENCH_NOW,
  COMPLETE_MARKER,
  editDocument,
  editTarget,
  ensureCorpus,
  generateDocument,
  PROVIDER_COUNT,
  restoreCorpus,
  TOPIC_COUNT,
  vocabulary,
} from "../../bench/generate-corpus.ts";
import { loadDocument } from "../../src/content/load-content.ts";
import { listFiles, makeTempDir } from "../helpers/fixtures.ts";

const SEED = 7;
const SAMPLE = 3_000;
const docs = Array.from({ length: SAMPLE }, (_, i) => generateDocument(SEED, i, SAMPLE));
const share = (test: (d: (typeof docs)[number]) => boolean) => docs.filter(test).length / SAMPLE;

describe("the benchmark's corpus generator", () => {
  it("gives the same bytes for the same seed and size, and different ones for another seed", () => {
    for (const index of [0, 1, 999, 2_500]) {
      expect(generateDocument(SEED, index, SAMPLE).text).toBe(docs[index]!.text);
      expect(generateDocument(SEED + 1, index, SAMPLE).text).not.toBe(docs[index]!.text);
    }
  });

  it("writes byte-identical corpora for a seed, marks them complete last, and reuses a complete one", () => {
    const [a, b] = [join(makeTempDir(), "corpus"), join(makeTempDir(), "corpus")];
    expect(ensureCorpus(a, 200, SEED).reused).toBe(false);
    ensureCorpus(b, 200, SEED);
    const files = listFiles(a);
    expect(files).toEqual(listFiles(b));
    expect(files).toContain(COMPLETE_MARKER);
    expect(files.filter((f) => f !== COMPLETE_MARKER)).toHaveLength(200);
    for (const file of files) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
    expect(ensureCorpus(a, 200, SEED).reused).toBe(true);
  });

  it("writes documents the site accepts: valid, without warnings, in the reference format with a secured blob", () => {
    for (const doc of docs.slice(0, 300)) {
      const outcome = loadDocument(doc.path, Buffer.from(doc.text));
      expect(outcome.ok, doc.path).toBe(true);
      expect(outcome.warnings).toEqual([]);
      expect(doc.text).toMatch(/^---\ncategory: \w+\ntitle: ".+"\nexcerpt: ".+"\npublishedDateTime: \d{4}-\d\d-\d\dT\d\d:\d\d:00Z\n/);
      expect(doc.text).toMatch(/\nsecured: "[A-Za-z0-9+/=]{500,};[A-Za-z0-9+/=]{24}"\n---\n$/);
    }
  });

  it("uses both file naming styles: Jekyll-style dated .md and reference-style hashed .txt", () => {
    expect(docs[0]!.path).toMatch(/^posts\/\d{4}\/\d{4}-\d\d-\d\d-[a-z0-9-]+\.md$/);
    expect(docs[1]!.path).toMatch(/^imports\/000\/000001_[0-9a-f]{16}\.txt$/);
    expect(new Set(docs.map((d) => d.path)).size).toBe(SAMPLE);
  });

  it("averages about 2 KB per document", () => {
    const average = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / SAMPLE;
    expect(average).toBeGreaterThan(1_500);
    expect(average).toBeLessThan(3_000);
  });

  it("has the specified shares: 10 % unpublished, 70 % with images, 5 % non-ASCII headlines", () => {
    expect(share((d) => !d.published)).toBeCloseTo(0.1, 1);
    expect(share((d) => d.imageCount > 0)).toBeCloseTo(0.7, 1);
    expect(share((d) => d.core.nonAscii)).toBeGreaterThan(0.03);
    expect(share((d) => d.core.nonAscii)).toBeLessThan(0.07);
    for (const d of docs) expect(/[^\x00-\x7f]/.test(d.core.title)).toBe(d.core.nonAscii);
  });

  it("gives every story 1–4 topics and 0–3 related items, some of them other stories of the corpus", () => {
    const topicCounts = new Set(docs.map((d) => d.topicRanks.length));
    const relatedCounts = new Set(docs.map((d) => d.relatedCount));
    expect([...topicCounts].sort()).toEqual([1, 2, 3, 4]);
    expect([...relatedCounts].sort()).toEqual([0, 1, 2, 3]);
    const internal = docs.reduce((sum, d) => sum + d.internalRelated, 0);
    expect(internal).toBeGreaterThan(0);
    const urls = new Set(docs.map((d) => d.core.webUrl));
    const linked = docs.flatMap((d) => [...d.text.matchAll(/^ {4}webUrl: "(.+)"$/gm)].map((m) => m[1]!));
    expect(linked.filter((url) => urls.has(url))).toHaveLength(internal);
  });

  it("spreads stories over about 300 providers and 800 topics with Zipf-shaped (long-tailed) frequencies", () => {
    const vocab = vocabulary(SEED);
    expect(vocab.providers).toHaveLength(PROVIDER_COUNT);
    expect(new Set(vocab.topics.map((t) => t.toLowerCase())).size).toBe(TOPIC_COUNT);
    const providerHits = count(docs.map((d) => d.core.providerRank));
    // Rank 1 of a Zipf(1) over 300 carries 1/H(300) ≈ 16 % of stories; rank 10 a tenth of that.
    expect(providerHits[0]! / SAMPLE).toBeGreaterThan(0.12);
    expect(providerHits[0]! / SAMPLE).toBeLessThan(0.2);
    expect(providerHits[0]!).toBeGreaterThan(5 * (providerHits[9] ?? 0));
    expect(Object.keys(providerHits).length).toBeGreaterThan(200);
    const topicHits = count(docs.flatMap((d) => d.topicRanks));
    expect(topicHits[0]!).toBeGreaterThan(5 * (topicHits[9] ?? 0));
    expect(Object.keys(topicHits).length).toBeGreaterThan(400);
  });

  it("dates stories uniformly over the two years before the benchmark's now", () => {
    const now = Date.parse(BENCH_NOW);
    const twoYears = 2 * 365 * 24 * 3_600_000;
    const ages = docs.map((d) => (now - d.core.publishedMs) / twoYears);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(1);
    const firstYear = ages.filter((age) => age < 0.5).length / SAMPLE;
    expect(firstYear).toBeCloseTo(0.5, 1);
  });

  it("adds new stories dated in the last day, edits one published story, and restores the corpus byte for byte", () => {
    const dir = join(makeTempDir(), "corpus");
    ensureCorpus(dir, 100, SEED);
    const before = listFiles(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]);
    const added = addDocuments(dir, 100, 10, SEED);
    expect(added).toHaveLength(10);
    for (const path of added) {
      expect(path.startsWith(`${ADDED_FOLDER}/`)).toBe(true);
      const published = /^publishedDateTime: (.+)$/m.exec(readFileSync(join(dir, path), "utf8"))![1]!;
      expect(Date.parse(BENCH_NOW) - Date.parse(published)).toBeLessThanOrEqual(24 * 3_600_000);
    }
    const later = addDocuments(dir, 100, 10, SEED, 110);
    expect(new Set([...added, ...later]).size).toBe(20);
    const edited = editDocument(dir, 100, SEED);
    expect(editTarget(100, SEED).published).toBe(true);
    expect(readFileSync(join(dir, edited), "utf8")).not.toBe(editTarget(100, SEED).text);
    restoreCorpus(dir, 100, SEED);
    expect(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")])).toEqual(before);
  });
});

function count(ranks: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const rank of ranks) out[rank] = (out[rank] ?? 0) + 1;
  return out;
}
