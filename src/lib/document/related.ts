import type { TermCounts } from './terms.ts';

/** A document as the similarity search sees it: an id and its term counts. */
export interface TermDocument {
  id: string;
  terms: TermCounts;
}

/** Tuning of the similarity search; the defaults keep the cost linear in the number of documents. */
export interface RelatedOptions {
  /** How many related documents to return for each document. */
  count?: number;
  /** How many of a document's strongest terms are used to look for neighbours. */
  queryTerms?: number;
  /** How many of the strongest documents each term's posting list keeps. */
  postings?: number;
  /** Lowest cosine similarity still worth a link; below it documents share little but a word. */
  minScore?: number;
}

interface Posting {
  doc: number;
  weight: number;
}

/**
 * How many of the oldest documents the term weights are counted over: the largest power of two the
 * archive holds. Weights counted over the whole archive would shift with every document added and
 * reorder near ties in thousands of lists; these change only when the archive doubles.
 */
export function referenceSize(total: number): number {
  return total < 1 ? 0 : 2 ** Math.floor(Math.log2(total));
}

// Documents come newest first, so the reference set is the tail of the list. Every term of a
// document counts towards its length, as in plain cosine similarity: leaving out terms only one
// document has would change a document's length whenever a newer one shares such a term.
function weigh(documents: readonly TermDocument[]): Map<string, number>[] {
  const reference = referenceSize(documents.length);
  const frequencies = new Map<string, number>();
  for (const document of documents.slice(documents.length - reference)) {
    for (const term in document.terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return documents.map((document) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of Object.entries(document.terms)) {
      const weight = (1 + Math.log(count)) * Math.log((reference + 1) / ((frequencies.get(term) ?? 0) + 1));
      if (weight <= 0) continue;
      weights.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of weights) weights.set(term, weight / norm);
    return weights;
  });
}

// Keeps the `count` best-scored documents in a small sorted array: cheaper than sorting every
// candidate, of which there can be thousands.
function topScores(candidates: readonly number[], scores: Float64Array, count: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number): boolean =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  for (const candidate of candidates) {
    if (best.length === count && !better(candidate, best[count - 1] as number)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && better(candidate, best[at - 1] as number)) {
      best[at] = best[at - 1] as number;
      at -= 1;
    }
    best[at] = candidate;
  }
  return best;
}

/**
 * Finds for every document the most similar others by cosine similarity of TF-IDF vectors.
 * Posting lists are cut to their strongest entries, which bounds the work per document.
 */
export function relatedDocuments(
  documents: readonly TermDocument[],
  options: RelatedOptions = {},
): Map<string, string[]> {
  const { count = 5, queryTerms = 20, postings: postingLimit = 200, minScore = 0.1 } = options;
  const vectors = weigh(documents);
  const index = new Map<string, Posting[]>();
  vectors.forEach((weights, doc) => {
    for (const [term, weight] of weights) {
      const list = index.get(term);
      if (list) list.push({ doc, weight });
      else index.set(term, [{ doc, weight }]);
    }
  });
  // Packed into typed arrays: the loop below walks these lists for every document.
  const packed = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  for (const [term, list] of index) {
    if (list.length > postingLimit) {
      list.sort((a, b) => b.weight - a.weight);
      list.length = postingLimit;
    }
    packed.set(term, {
      docs: Int32Array.from(list, (posting) => posting.doc),
      weights: Float64Array.from(list, (posting) => posting.weight),
    });
  }
  index.clear();
  const result = new Map<string, string[]>();
  const scores = new Float64Array(documents.length);
  const touched: number[] = [];
  vectors.forEach((weights, doc) => {
    const query = [...weights].sort((a, b) => b[1] - a[1]).slice(0, queryTerms);
    for (const [term, weight] of query) {
      const list = packed.get(term);
      if (!list) continue;
      const { docs, weights: postingWeights } = list;
      for (let at = 0; at < docs.length; at += 1) {
        const other = docs[at] as number;
        if (other === doc) continue;
        const score = scores[other] as number;
        if (score === 0) touched.push(other);
        scores[other] = score + weight * (postingWeights[at] as number);
      }
    }
    const best = topScores(touched, scores, count).filter((other) => (scores[other] as number) >= minScore);
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    result.set(
      (documents[doc] as TermDocument).id,
      best.map((other) => (documents[other] as TermDocument).id),
    );
  });
  return result;
}
