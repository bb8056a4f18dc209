import { eld } from 'eld/medium';

/** How sure detection must be before it overrides the archive's default language. */
export interface DetectOptions {
  /** Language assumed when the text is too short or too close to call (BCP 47 primary tag). */
  fallback: string;
  /** Fewer letters than this and the fallback wins: n-grams of a few words are guesswork. */
  minLetters?: number;
  /** The fallback wins when its score reaches this share of the best score. */
  closeness?: number;
}

const LETTER = /\p{L}/gu;

/**
 * Names the language of a text (ISO 639-1). Short texts and near ties go to the fallback, since
 * a line of Russian scores almost the same as Bulgarian or Serbian and would be stemmed wrongly.
 */
export function detectLanguage(text: string, options: DetectOptions): string {
  const { fallback, minLetters = 40, closeness = 0.97 } = options;
  const sample = text.slice(0, 4000);
  if ((sample.match(LETTER)?.length ?? 0) < minLetters) return fallback;
  const result = eld.detect(sample);
  if (result.language === '' || result.language === fallback) return fallback;
  const scores = result.getScores();
  const best = scores[result.language] ?? 0;
  const own = scores[fallback] ?? 0;
  if (!result.isReliable() || own >= best * closeness) return fallback;
  return result.language;
}
