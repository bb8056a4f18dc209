// Measured (docs/benchmarks.md): a search of a warm index answers in a few tens of milliseconds,
// and people type a letter every 150–300 ms: this pause keeps the first result within 150 ms of
// the last keystroke.
const TYPING_PAUSE_MS = 60;
// A word of one or two letters is mostly on its way to a longer one, and its search loads the
// index chunks of every word it begins: it waits until the reader stops.
const SHORT_WORD_PAUSE_MS = 400;
const SHORT_WORD = /(?:^|[^\p{L}\p{N}])[\p{L}\p{N}]{1,2}$/u;

/**
 * Calls `run` with the box's query as the reader types: after a short pause for a keystroke
 * (longer while the last word has one or two letters), at once for a paste, a browser's
 * suggestion or a cleared box; never in the middle of an IME composition. Returns a function that cancels a pending call.
 */
export function onTyping(input: HTMLInputElement, run: (query: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let typed = input.value;
  const fire = () => run(input.value.trim());
  const changed = () => {
    clearTimeout(timer);
    // A keystroke changes one character: wait for the next. Anything else changes more.
    const jump = Math.abs(input.value.length - typed.length) > 1 || input.value === '';
    typed = input.value;
    if (jump) fire();
    else
      timer = setTimeout(
        fire,
        SHORT_WORD.test(input.value.trimEnd()) ? SHORT_WORD_PAUSE_MS : TYPING_PAUSE_MS,
      );
  };
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) changed();
  });
  input.addEventListener('compositionend', changed);
  return () => clearTimeout(timer);
}
