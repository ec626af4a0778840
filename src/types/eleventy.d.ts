// Eleventy 3 ships no type declarations; this covers the part Broadsheet calls.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; config?: (config: unknown) => void });
    initializeConfig(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; outputPath: string; content: string }[]>;
  }
}
