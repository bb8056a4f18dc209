import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { watchTree, type TreeSample } from './process-tree.ts';

const TIME = '/usr/bin/time';
const MARK = 'BENCH_CPU';

/** What one measured command did: exit status, wall time, memory samples and its output. */
export interface CommandRun {
  status: number | null;
  start: number;
  end: number;
  seconds: number;
  samples: TreeSample[];
  /** Set when the tree passed `maxRss` and was stopped: the RSS it had reached, in bytes. */
  killedAtRss?: number;
  /** Largest sum of resident memory over the process tree, in bytes. */
  peakRss: number;
  /** Largest high-water mark of any single process in the tree, with its name. */
  peakProcess: { name: string; hwm: number };
  output: string;
  /** User plus system CPU seconds of the tree (from /usr/bin/time), steadier than wall time under load. */
  cpuSeconds?: number;
  /** CPU seconds of every process seen in the tree, from /proc samples. */
  sampledCpuSeconds?: number;
  /** When each output line arrived (epoch ms). */
  lineTimes: { at: number; text: string }[];
}

/** Runs a command, sampling its process tree's memory, writing output to a log; `onLine` sees each line. */
export async function runCommand(
  command: string,
  args: string[],
  options: {
    env?: Record<string, string>;
    log: string;
    onLine?: (line: string) => void;
    cwd?: string;
    /** Stops the whole process tree when its resident memory passes this many bytes (shared machines). */
    maxRss?: number;
  },
): Promise<CommandRun> {
  const log = createWriteStream(options.log);
  const start = Date.now();
  // GNU time adds the CPU time of the whole tree, which a shared machine's load does not inflate.
  const timed = existsSync(TIME);
  const child = spawn(timed ? TIME : command, timed ? ['-f', `${MARK} %U %S`, command, ...args] : args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let killedAtRss: number | undefined;
  const watch = watchTree(child.pid as number, 200, (sample) => {
    if (options.maxRss === undefined || sample.rss <= options.maxRss || killedAtRss !== undefined) return;
    killedAtRss = sample.rss;
    for (const pid of sample.peaks.keys()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
  let output = '';
  const lineTimes: { at: number; text: string }[] = [];
  let pending = '';
  const take = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    log.write(text);
    output = output.length < 2_000_000 ? output + text : output.slice(0, 1_000_000) + output.slice(-999_000) + text;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (lineTimes.length < 1000 || !line.includes('├─')) lineTimes.push({ at: Date.now(), text: line });
      options.onLine?.(line);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const end = Date.now();
  const samples = await watch.stop();
  log.end();
  let peakProcess = { name: '', hwm: 0 };
  for (const peak of watch.hwm.values()) if (peak.hwm > peakProcess.hwm) peakProcess = peak;
  const peakRss = Math.max(0, ...samples.map((sample) => sample.rss));
  const run: CommandRun = { status, start, end, seconds: (end - start) / 1000, samples, peakRss, peakProcess, output, lineTimes };
  if (killedAtRss !== undefined) run.killedAtRss = killedAtRss;
  // Per-process CPU as last sampled: counts children (Pagefind's service) even when not reaped.
  const used = new Map<number, number>();
  for (const sample of samples) for (const [pid, seconds] of sample.cpu) used.set(pid, Math.max(used.get(pid) ?? 0, seconds));
  run.sampledCpuSeconds = Math.round([...used.values()].reduce((sum, seconds) => sum + seconds, 0) * 10) / 10;
  const cpu = new RegExp(`^${MARK} ([\\d.]+) ([\\d.]+)`, 'mu').exec(output.slice(-2000) + pending);
  if (cpu) run.cpuSeconds = Math.round((Number(cpu[1]) + Number(cpu[2])) * 10) / 10;
  return run;
}
