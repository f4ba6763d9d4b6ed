import { DATA_CLASS_RANK, type DataClass, type DataFlowInput } from './types';

/**
 * Field names that say what they hold. Checked in order: a credential is restricted even when
 * its name also mentions a user ("user_token"). Words are matched on name parts (snake, kebab
 * and camel case split), so "domain" is not "name" and "keyword" is not "key".
 */
const NAME_RULES: readonly { class: DataClass; words: readonly string[] }[] = [
  {
    class: 'RESTRICTED',
    words: ['password', 'passwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'key', 'ssn', 'iban', 'card', 'cvv'],
  },
  {
    class: 'PERSONAL',
    words: [
      'email',
      'phone',
      'name',
      'firstname',
      'lastname',
      'address',
      'birth',
      'birthday',
      'dob',
      'user',
      'customer',
      'patient',
      'person',
      'contact',
    ],
  },
];

/** "customerEmail" → ["customer", "email"]; "api_key" → ["api", "key", "apikey"]. */
export function nameParts(field: string): string[] {
  const parts = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = parts.length > 1 ? [parts.join('')] : [];
  return [...parts, ...joined];
}

/**
 * A field's class guessed from its name, else the tool's own classification. A guess only: the
 * derived map is a draft a person confirms.
 */
export function classifyField(field: string, toolDefault: DataClass): DataClass {
  const parts = new Set(nameParts(field));
  for (const rule of NAME_RULES) if (rule.words.some((w) => parts.has(w))) return higher(rule.class, toolDefault);
  return toolDefault;
}

export function higher(a: DataClass, b: DataClass): DataClass {
  return DATA_CLASS_RANK[a] >= DATA_CLASS_RANK[b] ? a : b;
}

/** The classes a map's inputs carry, most sensitive first, each once. */
export function dataClassesOf(inputs: readonly Pick<DataFlowInput, 'classification'>[]): DataClass[] {
  return [...new Set(inputs.map((i) => i.classification))].sort((a, b) => DATA_CLASS_RANK[b] - DATA_CLASS_RANK[a]);
}

/** The most sensitive class among the inputs; a map with no inputs carries public data only. */
export function highestClass(inputs: readonly Pick<DataFlowInput, 'classification'>[]): DataClass {
  return inputs.reduce<DataClass>((acc, i) => higher(acc, i.classification), 'PUBLIC');
}
