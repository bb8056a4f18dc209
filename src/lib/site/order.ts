/** Anything that can be placed on the timeline: an id and an ISO date. */
export interface Dated {
  id: string;
  data: { date: string };
}

/** Orders documents newest first; documents of the same day keep a stable order by id. */
export function compareNewestFirst(a: Dated, b: Dated): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
