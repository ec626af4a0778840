/** See precompiled.js: the folder of the bundle of `root`'s src/, or undefined if it cannot be made. */
export function precompiledCli(root?: string): Promise<string | undefined>;

/** See precompiled.js: the digest of every file under `sourceDir`, as src/build/code-digest.ts computes it. */
export function sourceDigest(sourceDir: string): string;
