import { createHash } from "node:crypto";

/** A short, stable digest of some text, for fingerprints and cache keys. */
export function digest(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
