import { describe, expect, it } from 'vitest';
import { orderedPipe } from '../../../src/lib/ordered-pipe.ts';

// A consumer whose items finish only when the test says so.
function heldConsumer() {
  const seen: number[] = [];
  const waiting: (() => void)[] = [];
  const consume = (item: number) =>
    new Promise<void>((done) => {
      seen.push(item);
      waiting.push(done);
    });
  const finishOne = async () => {
    waiting.shift()?.();
    // Lets the pipe take its next item.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { seen, consume, finishOne };
}

describe('an ordered pipe', () => {
  it('hands items to the consumer in order, one at a time', async () => {
    const { seen, consume, finishOne } = heldConsumer();
    const pipe = orderedPipe(consume, 10);
    await Promise.all([1, 2, 3].map((item) => pipe.push(item)));
    expect(seen).toEqual([1]);
    await finishOne();
    expect(seen).toEqual([1, 2]);
    await finishOne();
    await finishOne();
    await pipe.close();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('holds a push back while more than the limit wait, until the consumer catches up', async () => {
    const { consume, finishOne } = heldConsumer();
    const pipe = orderedPipe(consume, 2);
    // The first item goes straight to the consumer; two may wait.
    for (const item of [1, 2, 3]) await pipe.push(item);
    let released = false;
    const held = pipe.push(4).then(() => (released = true));
    await finishOne();
    expect(released).toBe(false);
    await finishOne();
    await held;
    expect(released).toBe(true);
    await finishOne();
    await finishOne();
    await pipe.close();
  });

  it('fails every later push and the close with the consumer’s first error', async () => {
    const pipe = orderedPipe(async (item: number) => {
      if (item === 2) throw new Error('bad item 2');
    }, 5);
    await pipe.push(1);
    await pipe.push(2);
    await expect(pipe.close()).rejects.toThrow('bad item 2');
    await expect(pipe.push(3)).rejects.toThrow('bad item 2');
  });

  it('closes at once when nothing was pushed', async () => {
    await expect(orderedPipe(async () => {}, 1).close()).resolves.toBeUndefined();
  });
});
