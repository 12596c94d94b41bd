/**
 * Checks the dependency rules of DESIGN.md on source text:
 *
 *   ui -> store -> (lessons, scenario) -> engine; nothing points back up.
 *   src/engine imports nothing from React, the DOM, or any other src/ folder.
 *
 * Uses the TypeScript parser rather than regular expressions, so comments and strings that merely
 * mention `window` or 'react' are not violations, while `import('../ui/x')`, `export * from`,
 * `require(...)`, `import type` and `typeof import(...)` all are.
 */
import path from 'node:path';
import ts from 'typescript';
import { importSpecifier, parseSource } from './imports';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

/** Packages that drag in React or a DOM, or Node built-ins that do not exist in the browser. */
const ENGINE_BANNED_PACKAGES = [/^react(-dom)?(\/|$)/, /^@xyflow\//, /^zustand(\/|$)/, /^mermaid(\/|$)/, /^node:/];

/**
 * Browser globals the engine must not touch: it runs in Node for tests and benchmarks. Generic
 * names such as Event or Node are deliberately absent: the engine may well define its own.
 */
const DOM_GLOBALS = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'HTMLElement',
]);
const DOM_GLOBAL_PATTERN = /^(HTML|SVG)\w*Element$/;
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'window']);

/**
 * Which top-level src/ folders each folder must never import. A folder not listed may import
 * anything; `engine` may import nothing outside itself (checked separately below). App and main
 * are the modules directly in src/, the top of the UI.
 */
const FORBIDDEN_FOLDERS: Record<string, readonly string[]> = {
  scenario: ['store', 'ui', 'App', 'main'],
  lessons: ['store', 'ui', 'App', 'main'],
  store: ['ui', 'App', 'main'],
  // "Export as code" is pure text generation over a scenario: src/scenario is all it may use.
  codegen: ['engine', 'store', 'ui', 'lessons', 'compare', 'i18n', 'App', 'main'],
  // Schemas and their avsc judge are a leaf: the scenario layer and the UI use them, they use no one.
  schema: ['engine', 'scenario', 'lessons', 'store', 'codegen', 'asyncapi', 'compare', 'i18n', 'ui', 'App', 'main'],
  // The AsyncAPI mapping is a pure translation of a scenario, like codegen.
  asyncapi: ['engine', 'store', 'ui', 'lessons', 'compare', 'i18n', 'App', 'main'],
  // Small helpers every layer may use: they use none of them.
  util: ['engine', 'scenario', 'lessons', 'store', 'codegen', 'schema', 'asyncapi', 'compare', 'i18n', 'ui', 'App', 'main'],
};

/**
 * What the UI may never import as a value: the engine itself (types describing its views are fine,
 * the UI reads those through the store) and the comparison's run, which advances an engine. Only
 * src/store advances engines; the UI asks it to.
 */
const UI_BANNED_VALUES: Record<string, readonly string[] | 'all'> = {
  engine: 'all',
  compare: ['CompareRun', 'advanceScenario', 'createEngine'],
};

/** The names a static import or re-export brings in as values ('*' for a namespace, default or bare import). */
function valueNamesOf(node: ts.Node): string[] {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return ['*'];
    if (clause.isTypeOnly) return [];
    const names: string[] = clause.name ? ['*'] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) names.push((el.propertyName ?? el.name).text);
    }
    return names;
  }
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return [];
    if (!node.exportClause || !ts.isNamedExports(node.exportClause)) return ['*'];
    return node.exportClause.elements.filter((el) => !el.isTypeOnly).map((el) => (el.propertyName ?? el.name).text);
  }
  if (ts.isImportTypeNode(node)) return [];
  return ['*']; // import(), require()
}

/**
 * Violations in one source file. `file` is the path relative to the repository root
 * (e.g. "src/engine/log.ts"); it decides which rules apply and how relative imports resolve.
 */
export function checkLayering(file: string, source: string): Violation[] {
  const posixFile = file.split(path.sep).join('/');
  const folder = srcFolderOf(posixFile);
  if (!folder) return [];

  const sourceFile = parseSource(posixFile, source);
  const violations: Violation[] = [];
  const report = (node: ts.Node, message: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    violations.push({ file: posixFile, line: line + 1, message });
  };

  const checkSpecifier = (node: ts.Node, specifier: string) => {
    const target = resolveSrcFolder(posixFile, specifier);
    if (folder === 'engine') {
      if (ENGINE_BANNED_PACKAGES.some((pattern) => pattern.test(specifier))) {
        report(node, `engine imports "${specifier}"; the engine must stay free of React, the DOM and Node`);
      } else if (target !== undefined && target !== 'engine') {
        report(node, `engine imports "${specifier}" from src/${target}; the engine imports nothing from other src/ folders`);
      }
      return;
    }
    const banned = folder === 'ui' && target !== undefined ? UI_BANNED_VALUES[target] : undefined;
    if (banned) {
      const values = valueNamesOf(node);
      const hits = banned === 'all' ? values : values.filter((name) => name === '*' || banned.includes(name));
      if (hits.length > 0) {
        report(node, `src/ui imports ${hits.map((h) => (h === '*' ? 'a value' : `"${h}"`)).join(', ')} from src/${target}; the UI imports only types from there and asks the store to advance engines`);
      }
    }
    if (target !== undefined && FORBIDDEN_FOLDERS[folder]?.includes(target)) {
      report(node, `src/${folder} imports "${specifier}" from src/${target}; dependencies point ui -> store -> (lessons, scenario) -> engine`);
    }
  };

  const visit = (node: ts.Node) => {
    const specifier = importSpecifier(node);
    if (specifier !== undefined) {
      checkSpecifier(node, specifier);
    } else if (folder === 'engine' && (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))) {
      report(node, 'engine contains JSX; the engine renders nothing');
    } else if (folder === 'engine' && ts.isIdentifier(node) && isDomGlobalReference(node)) {
      report(node, `engine uses the DOM global "${node.text}"; the engine must run without a browser`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return violations;
}

/** "src/engine/x/y.ts" -> "engine"; undefined for files outside src/ or directly in src/. */
function srcFolderOf(posixFile: string): string | undefined {
  const parts = posixFile.split('/');
  return parts[0] === 'src' && parts.length > 2 ? parts[1] : undefined;
}

/**
 * The top-level src/ folder an import specifier points into ("store" for '../store' and
 * '../store/sim'), the module name for files directly in src/ ("App", "main"), "(outside src)"
 * for paths that leave src/, or undefined for packages.
 */
function resolveSrcFolder(importer: string, specifier: string): string | undefined {
  let resolved: string;
  if (specifier.startsWith('.')) {
    resolved = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  } else if (specifier.startsWith('src/')) {
    resolved = specifier;
  } else if (/^(\/|@\/|~\/)/.test(specifier)) {
    // Absolute or aliased paths ("/src/store", "@/store"): rooted at src/.
    resolved = `src/${specifier.replace(/^(\/src\/|\/|@\/|~\/)/, '')}`;
  } else {
    return undefined;
  }
  const parts = resolved.split('/');
  if (parts[0] !== 'src' || !parts[1]) return '(outside src)';
  return parts[1].replace(/\.[cm]?[jt]sx?$/, '');
}

/** True for a reference to a DOM global, false for property names, object keys and the like. */
function isDomGlobalReference(node: ts.Identifier): boolean {
  if (!DOM_GLOBALS.has(node.text) && !DOM_GLOBAL_PATTERN.test(node.text)) return false;
  const parent = node.parent;
  // `globalThis.document`, `self.localStorage`: the property is the global being reached for.
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    return ts.isIdentifier(parent.expression) && GLOBAL_OBJECTS.has(parent.expression.text);
  }
  if (ts.isQualifiedName(parent) && parent.right === node) return false; // Foo.Element (a type namespace member)
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false; // { window: 5 }
  if (ts.isPropertySignature(parent) && parent.name === node) return false; // interface { window: number }
  if (ts.isPropertyDeclaration(parent) && parent.name === node) return false; // class { window = 5 }
  if (ts.isMethodDeclaration(parent) && parent.name === node) return false;
  if (ts.isMethodSignature(parent) && parent.name === node) return false;
  if (ts.isEnumMember(parent) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false; // const { window: w } = obj
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false; // judged by the specifier
  if (ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) return parent.name !== node;
  return true;
}
