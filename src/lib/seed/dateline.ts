/** Places and authors read from a closing line such as `Москва, Наталья Петрова`. */
export interface Dateline {
  places: string[];
  authors: string[];
}

const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{L}[\p{Ll}'’]*)*`;
const INITIAL = String.raw`\p{Lu}\.`;
// A person: two or three capitalised words (first name, optional patronymic or initial, last name).
const PERSON = new RegExp(String.raw`^(?:${WORD}|${INITIAL})(?: (?:${WORD}|${INITIAL})){1,2}$`, 'u');
// A place: capitalised words, allowing lower-case joiners as in `Ростов на Дону`.
const PLACE = new RegExp(String.raw`^${WORD}(?: (?:${WORD}|на|де|ла|upon|on))*$`, 'u');
// Two places are written `Москва – Киев`, `Москва/Киев` or `Москва и Киев`.
const PLACE_JOINER = /\s*(?:\s[–—-]\s|\/|\sи\s)\s*/u;
const PERSON_JOINER = /\s+и\s+|\s*,\s*/u;
const MAX_LENGTH = 160;

function splitPlaces(part: string): string[] | undefined {
  const places = part.split(PLACE_JOINER).map((place) => place.trim());
  if (places.length > 2 || !places.every((place) => PLACE.test(place))) return undefined;
  return places;
}

/** Reads a dateline (`Place, Firstname Lastname`), or returns undefined when the text is not one. */
export function parseDateline(text: string): Dateline | undefined {
  const line = text.replace(/\s+/gu, ' ').trim();
  if (line.length === 0 || line.length > MAX_LENGTH || /[.!?…:;»"]$/u.test(line)) return undefined;
  const comma = line.indexOf(',');
  if (comma < 0) return undefined;
  const head = line.slice(0, comma).trim();
  const rest = line.slice(comma + 1).trim();
  const authors = rest.split(PERSON_JOINER).map((name) => name.trim());
  if (authors.length > 0 && authors.every((name) => PERSON.test(name))) {
    const places = splitPlaces(head);
    return places ? { places, authors } : undefined;
  }
  // `Москва, Киев, Иван Петров`: a second place before the names.
  const secondComma = rest.indexOf(',');
  if (secondComma < 0) return undefined;
  const second = rest.slice(0, secondComma).trim();
  const names = rest
    .slice(secondComma + 1)
    .split(PERSON_JOINER)
    .map((name) => name.trim());
  if (!PLACE.test(head) || !PLACE.test(second) || !names.every((name) => PERSON.test(name))) {
    return undefined;
  }
  return { places: [head, second], authors: names };
}
