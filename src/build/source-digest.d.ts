/** See source-digest.js: the digest of every file under `sourceDir`, by path and content. */
export function sourcesDigest(sourceDir: string): string;
