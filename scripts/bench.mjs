// `npm run bench -- --docs N [--variant NAME] [--no-hugo] [--no-rebuild] [--no-search]`:
// builds a generated archive of N documents and prints the figures (see docs/benchmarks.md).
import { main } from './bench/main.ts';

await main(process.argv.slice(2));
