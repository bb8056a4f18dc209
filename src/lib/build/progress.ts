/** Counts items of a long task and reports every `step` of them (and the last), with elapsed time. */
export function progressCounter(
  report: (line: string) => void,
  what: string,
  step: number,
  now: () => number = Date.now,
): (total?: number) => void {
  const started = now();
  let count = 0;
  return (total) => {
    count += 1;
    if (count % step !== 0 && count !== total) return;
    const of = total === undefined ? '' : ` of ${total.toLocaleString('en')}`;
    report(`${count.toLocaleString('en')}${of} ${what} (${((now() - started) / 1000).toFixed(1)} s)`);
  };
}
