// Runs `buildChunks` off the main thread (Node runs this TypeScript file itself); see
// `chunksInWorker`. Posts the chunks, or lets an error end the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { buildChunks } from './vocabulary-chunks.ts';

const { seedsDir } = workerData as { seedsDir: string };
parentPort?.postMessage(await buildChunks(seedsDir));
