import { nameSlug } from '../site/groups.ts';
import type { Problem } from './problems.ts';

/** One document's names as the collision check sees them. */
export interface NamedDocument {
  file: string;
  /** Line of the dateline that names them. */
  line: number;
  places: readonly string[];
  authors: readonly string[];
}

const KINDS = [
  { kind: 'place', label: 'place', field: 'places' },
  { kind: 'author', label: 'author', field: 'authors' },
] as const;

/**
 * Collects the places and authors of documents, in path order, and names every spelling that
 * shares an address with another (`Москва` and `МОСКВА`, `Ирина Ли` and `Irina Li`): such names are
 * listed on one page, and the report says so instead of merging them silently.
 */
export function nameCollisions(): { add(document: NamedDocument): void; problems(): Problem[] } {
  const first = new Map<string, { name: string; file: string }>();
  const reported = new Set<string>();
  const found: Problem[] = [];
  return {
    add(document) {
      for (const { kind, label, field } of KINDS) {
        for (const name of document[field]) {
          const address = `${kind}/${nameSlug(name)}/`;
          const owner = first.get(address);
          if (!owner) first.set(address, { name, file: document.file });
          else if (owner.name !== name && !reported.has(`${address}\n${name}`)) {
            reported.add(`${address}\n${name}`);
            const reason = `${label} "${name}" has the address /${address} of "${owner.name}" (${owner.file}): both are listed there; spell them alike, or apart`;
            found.push({ file: document.file, line: document.line, reason, severity: 'warning' });
          }
        }
      }
    },
    problems: () => [...found],
  };
}
