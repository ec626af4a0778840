// Entry point of `npm run build`: registers TypeScript support, then runs the CLI.
import "tsx/esm";

const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
