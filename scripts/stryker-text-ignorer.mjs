// A Stryker ignorer (stryker.config.mjs: ignorers: ['text']): mutants of text that is only
// read by people are not mutated, because no rule depends on its wording and each one
// would survive as an equivalent mutant or pin a test to a sentence. Ignored:
// - the string in a LocalText pair `{ nl: '…', en: '…' }` (labels, rule messages);
// - a display name next to its translation `{ name: '…', nameEn: '…' }` (holiday names);
// - the two arguments of `T('…', '…')`, the shorthand for a LocalText pair (monitor tables);
// - an argument passed to a parameter named `nl` or `en` of a function declared in the same
//   file (`v(code, rule, nl, en)`, `push(field, code, nl, en)`): a message in one language;
// - an error's message: `new SomeError('…')`, and in an Error subclass `super('…')` and
//   `this.name = '…'` (the error's class and code are what code and tests check).
// Codes, rule IDs, field IDs, states and every condition around the text stay mutated.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const REASON = 'Text for people (labels, messages), see scripts/stryker-text-ignorer.mjs';
const isText = (node) => node.type === 'StringLiteral' || node.type === 'TemplateLiteral';
const keyName = (prop) => (prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'StringLiteral' ? prop.key.value : undefined);

const TEXT_PARAMS = new Set(['nl', 'en']);
const paramName = (p) => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : undefined);

/**
 * The file's own top-level `function name(…)` or `const name = (…) => …`. Stryker's instrumenter
 * may traverse without scope information (no binding to ask), so the declaration is looked up in
 * the program body itself.
 */
function topLevelDeclaration(path, name) {
  const program = path.findParent((p) => p.isProgram());
  for (const stmt of program?.node.body ?? []) {
    const node = stmt.type === 'ExportNamedDeclaration' && stmt.declaration ? stmt.declaration : stmt;
    if (node.type === 'FunctionDeclaration' && node.id?.name === name) return node;
    if (node.type === 'VariableDeclaration') {
      const d = node.declarations.find((x) => x.id.type === 'Identifier' && x.id.name === name);
      if (d) return d;
    }
  }
  return undefined;
}

/** Whether the literal is an argument for a parameter named nl or en of a function declared in this file. */
function isTextArgument(path) {
  const call = path.parentPath;
  if (!call?.isCallExpression() || call.node.callee.type !== 'Identifier') return false;
  const index = call.node.arguments.indexOf(path.node);
  if (index < 0) return false;
  const decl = path.scope?.getBinding(call.node.callee.name)?.path.node ?? topLevelDeclaration(path, call.node.callee.name);
  const fn = decl?.type === 'VariableDeclarator' ? decl.init : decl;
  if (!fn || !['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(fn.type)) return false;
  const param = fn.params[index];
  return param !== undefined && TEXT_PARAMS.has(paramName(param));
}

function inErrorClass(path) {
  const cls = path.findParent((p) => p.isClassDeclaration() || p.isClassExpression());
  const sup = cls?.node.superClass;
  return sup?.type === 'Identifier' && /Error$/.test(sup.name);
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'text', {
    shouldIgnore(path) {
      if (!isText(path.node)) return undefined;
      const parent = path.parentPath;
      if (parent?.isObjectProperty() && parent.node.value === path.node) {
        const key = keyName(parent.node);
        if (key === 'nl' || key === 'en' || key === 'nameEn') return REASON;
        if (key === 'name') {
          const siblings = parent.parentPath.node.properties ?? [];
          if (siblings.some((p) => p.type === 'ObjectProperty' && keyName(p) === 'nameEn')) return REASON;
        }
      }
      if (parent?.isCallExpression() && parent.node.callee.type === 'Super' && inErrorClass(path)) return REASON;
      if (parent?.isCallExpression() && parent.node.callee.type === 'Identifier' && parent.node.callee.name === 'T' && parent.node.arguments.length === 2) return REASON;
      if (isTextArgument(path)) return REASON;
      if (parent?.isNewExpression() && parent.node.callee.type === 'Identifier' && /Error$/.test(parent.node.callee.name)) return REASON;
      if (
        parent?.isAssignmentExpression() && parent.node.right === path.node &&
        parent.node.left.type === 'MemberExpression' && parent.node.left.object.type === 'ThisExpression' &&
        parent.node.left.property.type === 'Identifier' && parent.node.left.property.name === 'name' &&
        inErrorClass(path)
      ) return REASON;
      return undefined;
    },
  }),
];
