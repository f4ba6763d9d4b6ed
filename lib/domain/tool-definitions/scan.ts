import type { ToolDefinition } from './hash';
import { SCAN_RULES, type ScanContext, type ScanMatch, type ScanRuleKey, type ScanSeverity } from './scan-rules';

export interface ScanFinding {
  rule: ScanRuleKey;
  label: string;
  severity: ScanSeverity;
  explanation: string;
  /** The tool whose definition holds the text. */
  tool: string;
  /** Where in the definition: `description` or a path into the input schema. */
  field: string;
  /** The whole scanned text (capped) and the matched spans, for highlighting. */
  text: string;
  matches: ScanMatch[];
}

export const DEFAULT_MAX_DESCRIPTION_LENGTH = 2_000;
/** Texts longer than this are scanned whole but kept only this long in a finding. */
const KEPT_TEXT = 4_000;
/** Schema strings a model reads: parameter descriptions are as much a prompt as the tool's. */
const SCHEMA_TEXT_KEYS = new Set(['description', 'title', 'default', 'examples', 'enum', 'const']);

/** Every string of a definition the model will read, with where it sits. */
export function definitionTexts(def: ToolDefinition): { field: string; text: string; isDescription: boolean }[] {
  const out: { field: string; text: string; isDescription: boolean }[] = [];
  if (def.description) out.push({ field: 'description', text: def.description, isDescription: true });
  const visit = (node: unknown, path: string, readable: boolean, depth: number) => {
    if (depth > 12) return;
    if (typeof node === 'string') {
      if (readable) out.push({ field: path, text: node, isDescription: false });
    } else if (Array.isArray(node)) {
      node.forEach((v, i) => visit(v, `${path}[${i}]`, readable, depth + 1));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, `${path}.${k}`, readable || SCHEMA_TEXT_KEYS.has(k), depth + 1);
    }
  };
  visit(def.inputSchema, 'inputSchema', false, 0);
  return out;
}

/**
 * Scans a server's tool definitions for poisoning. `otherToolNames` are the tools of the other
 * servers the same agents run, for the shadowing rule; a server may name its own tools.
 */
export function scanToolDefinitions(
  defs: readonly ToolDefinition[],
  options: { otherToolNames?: readonly string[]; maxDescriptionLength?: number } = {},
): ScanFinding[] {
  const own = new Set(defs.map((d) => d.name));
  const ctx: ScanContext = {
    otherToolNames: (options.otherToolNames ?? []).filter((n) => !own.has(n)),
    maxDescriptionLength: options.maxDescriptionLength ?? DEFAULT_MAX_DESCRIPTION_LENGTH,
  };
  const findings: ScanFinding[] = [];
  for (const def of defs) {
    for (const { field, text, isDescription } of definitionTexts(def)) {
      for (const rule of SCAN_RULES) {
        if (rule.descriptionOnly && !isDescription) continue;
        const matches = rule.find(text, ctx);
        if (matches.length === 0) continue;
        findings.push({
          rule: rule.key,
          label: rule.label,
          severity: rule.severity,
          explanation: rule.explanation,
          tool: def.name,
          field,
          text: text.slice(0, KEPT_TEXT),
          matches: matches.filter((m) => m.start < KEPT_TEXT),
        });
      }
    }
  }
  return findings;
}

/** The highest severity among findings (null when clean). */
export function worstSeverity(findings: readonly ScanFinding[]): ScanSeverity | null {
  const order: ScanSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM'];
  return order.find((s) => findings.some((f) => f.severity === s)) ?? null;
}
