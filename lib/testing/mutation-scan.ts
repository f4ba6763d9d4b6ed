// Test-only: finds the exported mutations of a lib/server source file and whether each checks
// the actor itself (ADR 0004). Uses the TypeScript parser, not regular expressions, so comments,
// strings and formatting cannot hide or fake a write or a check.
import ts from 'typescript';

/** Prisma model methods that write: called as `<client>.<model>.<method>(…)`. */
const WRITE_METHODS = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);
/** Client methods that write whatever the model: `<client>.$executeRaw…(…)`. */
const RAW_WRITES = new Set(['$executeRaw', '$executeRawUnsafe']);
/** Functions that write by themselves (the audit trail). */
const WRITING_FUNCTIONS = new Set(['recordAuditEvent']);
/** SQL text that writes, in a string or template literal (raw statements through db.query/exec). */
const WRITE_SQL = /\b(INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM)\b/i;
/**
 * Calls that check the actor (lib/server/guards/assert-actor-can.ts, lib/server/operation.ts,
 * requirePerson; assertSignInService admits only the sign-in service actor of lib/server/users).
 */
export const CHECK_CALLS = new Set(['assertActorCan', 'authorize', 'requirePerson', 'assertSignInService']);

export interface ScannedExport {
  name: string;
  /** The function (or a same-file helper it calls) writes through Prisma, raw SQL or the audit writer. */
  mutates: boolean;
  /** Its own body calls one of CHECK_CALLS. */
  checks: boolean;
}

function calleeName(call: ts.CallExpression): string | null {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

function isDirectWrite(node: ts.Node): boolean {
  if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
    return WRITE_SQL.test(node.text);
  if (!ts.isCallExpression(node)) return false;
  const e = node.expression;
  if (ts.isIdentifier(e)) return WRITING_FUNCTIONS.has(e.text);
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (RAW_WRITES.has(e.name.text)) return true;
  // db.model.update(…): the receiver is itself a property access (not createHash(…).update, not map.delete).
  return (
    WRITE_METHODS.has(e.name.text) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.expression.kind !== ts.SyntaxKind.ThisKeyword
  );
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

interface Decl {
  name: string;
  exported: boolean;
  isFunction: boolean;
  body: ts.Node;
}

function topLevelDeclarations(file: ts.SourceFile): Decl[] {
  const out: Decl[] = [];
  const exportedNames = new Set<string>();
  for (const st of file.statements) {
    const exported = ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(st) && st.name && st.body)
      out.push({ name: st.name.text, exported, isFunction: true, body: st.body });
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        const fn =
          ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer) || ts.isCallExpression(d.initializer);
        out.push({ name: d.name.text, exported, isFunction: fn, body: d.initializer });
      }
    }
    // export { a, b as c }: the local declaration is exported under its own name for our purpose.
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) exportedNames.add((el.propertyName ?? el.name).text);
    }
  }
  for (const d of out) if (exportedNames.has(d.name)) d.exported = true;
  return out;
}

/** Every exported function of one source file, with whether it mutates and whether it checks. */
export function scanSource(fileName: string, text: string): ScannedExport[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const decls = topLevelDeclarations(file);
  const byName = new Map(decls.map((d) => [d.name, d]));
  const direct = new Map<string, boolean>();
  const refs = new Map<string, Set<string>>();
  for (const d of decls) {
    let writes = false;
    const used = new Set<string>();
    walk(d.body, (n) => {
      if (isDirectWrite(n)) writes = true;
      if (ts.isIdentifier(n) && byName.has(n.text) && n.text !== d.name) used.add(n.text);
    });
    direct.set(d.name, writes);
    refs.set(d.name, used);
  }
  // A declaration mutates when it writes or uses (transitively) a same-file declaration that does.
  const mutates = (name: string, seen = new Set<string>()): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    return direct.get(name) === true || [...(refs.get(name) ?? [])].some((r) => mutates(r, seen));
  };
  return decls
    .filter((d) => d.exported && d.isFunction)
    .map((d) => {
      let checks = false;
      walk(d.body, (n) => {
        if (ts.isCallExpression(n) && CHECK_CALLS.has(calleeName(n) ?? '')) checks = true;
      });
      return { name: d.name, mutates: mutates(d.name), checks };
    });
}
