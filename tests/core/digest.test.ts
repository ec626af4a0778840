import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digest } from "../../src/digest.ts";

describe("digest", () => {
  it("is the SHA-1 of a text's UTF-8 bytes in base64url, as fingerprints written by earlier builds were", () => {
    const text = "list.njk\0Zürich — 東京 😀";
    expect(digest(text)).toBe(createHash("sha1").update(text).digest("base64url"));
  });

  it("digests bytes as they are", () => {
    const bytes = new Uint8Array([0, 255, 10, 200]);
    expect(digest(bytes)).toBe(createHash("sha1").update(bytes).digest("base64url"));
  });

  it("tells apart texts that differ in one character", () => {
    expect(digest("topics/a/")).not.toBe(digest("topics/b/"));
  });
});
