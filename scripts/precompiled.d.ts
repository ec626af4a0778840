/** See precompiled.js: the folder of the bundle of `root`'s src/, or undefined if it cannot be made. */
export function precompiledCli(root?: string): Promise<string | undefined>;
