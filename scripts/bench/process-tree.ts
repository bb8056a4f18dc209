import { readFile, readdir } from 'node:fs/promises';

/** Memory of a process tree at one moment: summed resident set and each process's high-water mark. */
export interface TreeSample {
  at: number;
  rss: number;
  peaks: Map<number, { name: string; hwm: number }>;
  /** CPU seconds (user + system) each process has used so far. */
  cpu: Map<number, number>;
}

async function status(pid: number): Promise<{ name: string; rss: number; hwm: number } | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const field = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'mu').exec(text)?.[1] ?? 0) * 1024;
    const name = /^Name:\s+(.+)$/mu.exec(text)?.[1] ?? '?';
    return { name, rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return undefined;
  }
}

// Fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function children(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(
      tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
    );
    return lists.flatMap((list) => list.split(/\s+/u).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** Reads the resident memory of a process and all its descendants from /proc (Linux). */
export async function sampleTree(root: number): Promise<TreeSample> {
  const peaks = new Map<number, { name: string; hwm: number }>();
  const cpu = new Map<number, number>();
  let rss = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const info = await status(pid);
    if (!info) continue;
    rss += info.rss;
    peaks.set(pid, { name: info.name, hwm: info.hwm });
    cpu.set(pid, await cpuSeconds(pid));
    queue.push(...(await children(pid)));
  }
  return { at: Date.now(), rss, peaks, cpu };
}

/** Samples a process tree every `interval` ms until stopped; keeps every sample and per-process peaks. */
export function watchTree(
  root: number,
  interval = 200,
  onSample: (sample: TreeSample) => void = () => {},
): { stop: () => Promise<TreeSample[]>; hwm: Map<number, { name: string; hwm: number }> } {
  const samples: TreeSample[] = [];
  const hwm = new Map<number, { name: string; hwm: number }>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const sample = await sampleTree(root);
      samples.push(sample);
      onSample(sample);
      for (const [pid, peak] of sample.peaks) if ((hwm.get(pid)?.hwm ?? 0) < peak.hwm) hwm.set(pid, peak);
      await new Promise((done) => setTimeout(done, interval));
    }
  })();
  return {
    hwm,
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}
