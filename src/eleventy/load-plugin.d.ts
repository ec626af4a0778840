/** The Broadsheet plugin: from the precompiled bundle a build names in BROADSHEET_BUNDLE_DIR, else from src/ through tsx. */
export function loadBroadsheetPlugin(): Promise<typeof import("./plugin.ts")>;
