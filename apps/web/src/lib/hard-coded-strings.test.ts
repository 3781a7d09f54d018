import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a user reads comes from a *messages.ts module in both languages. This lint parses
 * each component and reports JSX text and user-facing attributes written as literals.
 */
const srcDir = path.resolve(__dirname, '..');
const userFacingAttributes = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
/** Deliberate exceptions, each with its reason. */
const allowed = new Set([
  // The language switch on the public pages is labelled in both languages at once.
  'Sprache / Language',
]);

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return components(full);
    return entry.endsWith('.tsx') && !entry.endsWith('.test.tsx') ? [full] : [];
  });
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

function hardCodedStrings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      userFacingAttributes.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      hasWords(node.initializer.text)
    ) {
      found.push(node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const name = path.relative(srcDir, file).split(path.sep).join('/');
  return found.filter((text) => !allowed.has(text)).map((text) => `${name}: ${text}`);
}

describe('user-facing text', () => {
  const files = components(srcDir);

  it('is found in the components', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('is never written into a component (JSX text, aria-label, title, placeholder, alt, label)', () => {
    expect(files.flatMap((file) => hardCodedStrings(file))).toEqual([]);
  });

  it('catches hard-coded words and lets messages and symbols through', () => {
    const probe = path.join(srcDir, 'probe.tsx');
    const code = `export const P = () => <p title="Hallo" className="x">Rechnung <b>{t.total}</b> ← {n} €</p>;`;
    expect(hardCodedStrings(probe, code)).toEqual(['probe.tsx: Hallo', 'probe.tsx: Rechnung']);
  });
});
