import type { ToolDefinition } from './hash';

/**
 * Tool poisoning: text in a tool's definition that speaks to the model rather than describing the
 * tool. The model reads every description of every connected server, so one poisoned server can
 * steer calls to the others (Invariant Labs' "tool poisoning" and "shadowing" write-ups, 2025).
 * Each rule is a pure function over one text and what the server also defines.
 */
export type ScanRuleKey =
  | 'hidden-instructions'
  | 'conceals-from-user'
  | 'other-tool-reference'
  | 'sensitive-path'
  | 'invisible-unicode'
  | 'encoded-blob'
  | 'oversized-description';

export type ScanSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM';

export interface ScanMatch {
  /** UTF-16 offsets into the scanned text, for highlighting. */
  start: number;
  end: number;
  text: string;
}

export interface ScanContext {
  /** Names of tools of other servers the agent also runs (shadowing). */
  otherToolNames: readonly string[];
  maxDescriptionLength: number;
}

export interface ScanRule {
  key: ScanRuleKey;
  label: string;
  severity: ScanSeverity;
  /** Why this is a finding, shown beside the highlighted text. */
  explanation: string;
  /** Only the tool's own description, not the strings inside its input schema. */
  descriptionOnly?: boolean;
  find(text: string, ctx: ScanContext): ScanMatch[];
}

function regexMatches(text: string, re: RegExp): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const INSTRUCTION_PATTERNS =
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|other)\s+(?:instructions?|prompts?|rules?|messages?)\b|<\s*(?:important|system|instructions?)\s*>|\b(?:before|after)\s+(?:using|calling)\s+(?:this|any)\s+tool,?\s+(?:you\s+)?must\b|\bsystem\s+prompt\b|\byou\s+are\s+now\b/i;

const CONCEAL_PATTERNS =
  /\b(?:do\s+not|don'?t|never)\s+(?:tell|inform|mention|reveal|notify|alert)\b(?:[^.\n]{0,60}?\buser\b)?|\bwithout\s+(?:the\s+user(?:'s)?\s+)?(?:knowledge|consent|telling|informing)\b|\b(?:keep|remain)\s+(?:this\s+)?(?:secret|hidden|confidential)\s+from\b|\bsilently\s+(?:send|forward|upload|copy|post|transmit|include|append|exfiltrate)\b/i;

const SENSITIVE_PATHS =
  /(?:~|\$HOME|\/home\/[\w.-]+|\/root)\/\.(?:ssh|aws|gnupg|kube|docker|npmrc|netrc|config\/gcloud)\b|\bid_(?:rsa|ed25519|ecdsa)\b|\/etc\/(?:passwd|shadow|sudoers)\b|\.env\b|\bcredentials\.json\b|\bclaude_desktop_config\.json\b|\bmcp\.json\b|\.git-credentials\b/i;

/** Zero-width, bidirectional controls, the word joiner family, BOM, and Unicode tag characters. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]+/u;

/** 60+ characters of base64 alphabet, optionally padded: far longer than any word or identifier. */
const BLOB = /[A-Za-z0-9+/]{60,}={0,2}/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameMatches(text: string, names: readonly string[]): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const name of new Set(names)) {
    // Short or common names ("get", "run") would match ordinary prose.
    if (name.length < 4 || !/[_\-.]|[a-z][A-Z]/.test(name)) continue;
    out.push(...regexMatches(text, new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`)));
  }
  return out;
}

export const SCAN_RULES: readonly ScanRule[] = [
  {
    key: 'hidden-instructions',
    label: 'Instructions to the model',
    severity: 'CRITICAL',
    explanation:
      'A description that tells the model to ignore its instructions or to act first is a prompt injection, not documentation.',
    find: (text) => regexMatches(text, INSTRUCTION_PATTERNS),
  },
  {
    key: 'conceals-from-user',
    label: 'Hides something from the user',
    severity: 'CRITICAL',
    explanation: 'A tool that asks the model to keep something from the user is working against the user.',
    find: (text) => regexMatches(text, CONCEAL_PATTERNS),
  },
  {
    key: 'other-tool-reference',
    label: "Names another server's tool",
    severity: 'HIGH',
    explanation: "A description that names another server's tool can redirect or shadow that tool's calls.",
    find: (text, ctx) => nameMatches(text, ctx.otherToolNames),
  },
  {
    key: 'sensitive-path',
    label: 'Sensitive path',
    severity: 'CRITICAL',
    explanation: 'Keys, credentials and client configuration have no place in a tool description.',
    find: (text) => regexMatches(text, SENSITIVE_PATHS),
  },
  {
    key: 'invisible-unicode',
    label: 'Invisible or bidirectional characters',
    severity: 'HIGH',
    explanation: 'Zero-width, bidirectional and tag characters hide text from a person reading the description.',
    find: (text) => regexMatches(text, INVISIBLE),
  },
  {
    key: 'encoded-blob',
    label: 'Encoded blob',
    severity: 'MEDIUM',
    explanation: 'A long base64 run can carry instructions a reviewer cannot read.',
    // Hex digests (sha256 pins, commit ids) are long too, and harmless.
    find: (text) => regexMatches(text, BLOB).filter((m) => !/^[0-9a-fA-F]+$/.test(m.text)),
  },
  {
    key: 'oversized-description',
    label: 'Unusually long description',
    severity: 'MEDIUM',
    explanation: 'Very long descriptions are where injected instructions hide; a tool rarely needs more.',
    descriptionOnly: true,
    find: (text, ctx) =>
      text.length > ctx.maxDescriptionLength
        ? [
            {
              start: ctx.maxDescriptionLength,
              end: text.length,
              text: text.slice(ctx.maxDescriptionLength, ctx.maxDescriptionLength + 80),
            },
          ]
        : [],
  },
];

export type { ToolDefinition };
