/** Badge colours (components/ui/badge.tsx tones). */
type Tone = 'green' | 'red' | 'yellow' | 'gray';

/** What the explorer shows for each stored value. */
export const RESULT_LABELS = { SUCCESS: 'Success', ERROR: 'Error', TIMEOUT: 'Timeout', DENIED: 'Denied' } as const;
export const CLASSIFICATION_LABELS = {
  PUBLIC: 'Public',
  INTERNAL: 'Internal',
  CONFIDENTIAL: 'Confidential',
  RESTRICTED: 'Restricted',
} as const;
export const APPROVAL_LABELS = {
  ALLOWED: 'Allowed',
  NO_ALLOW: 'No allow decision',
  DENIED: 'Used after a deny',
  UNKNOWN_SUBJECT: 'Unknown subject',
} as const;

export const RESULT_TONES: Record<keyof typeof RESULT_LABELS, Tone> = {
  SUCCESS: 'green',
  ERROR: 'red',
  TIMEOUT: 'yellow',
  DENIED: 'gray',
};
export const APPROVAL_TONES: Record<keyof typeof APPROVAL_LABELS, Tone> = {
  ALLOWED: 'green',
  NO_ALLOW: 'yellow',
  DENIED: 'red',
  UNKNOWN_SUBJECT: 'yellow',
};

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
