/** The three Russian forms of a counted noun: 1 результат, 2 результата, 5 результатов. */
export interface PluralForms {
  one: string;
  few: string;
  many: string;
}

const rules = new Intl.PluralRules('ru');
// `toLocaleString` makes a formatter on every call; pages count things hundreds of times.
const numbers = new Intl.NumberFormat('ru-RU');

/** Chooses the form of a noun that agrees with a whole number, by the CLDR rules of Russian. */
export function pluralRu(count: number, forms: PluralForms): string {
  const category = rules.select(count);
  return category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
}

/** Writes a count with its agreeing noun: «21 результат», «3 результата». */
export function countRu(count: number, forms: PluralForms): string {
  return `${numbers.format(count)} ${pluralRu(count, forms)}`;
}

/** The noun the archive counts its documents with: «1 материал», «3 материала», «5 материалов». */
export const DOCUMENTS: PluralForms = { one: 'материал', few: 'материала', many: 'материалов' };
