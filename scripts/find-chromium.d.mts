/** The path of a Chromium executable on this machine, or undefined when there is none. */
export function findChromium(): string | undefined;
