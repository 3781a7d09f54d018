/**
 * Every test of the repository (API, web, contracts, browser journeys) fails for one reason:
 * each `it`/`test` asserts something, and none sleeps before it asserts. Other patterns (order
 * dependence, machine-speed thresholds) need judgement; see docs/decisions/0015.
 * And no code, test or product, takes "today" as UTC's date: the portal's days are Berlin's
 * (`lib/calendar`), and the two differ for an hour or two every night.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Finding {
  line: number;
  title: string;
  problem: 'asserts nothing' | 'sleeps';
}

/** An assertion: `expect(…)`, `expect.…`, or a helper named expect…/assert… (expectProblem). */
const ASSERTS = /\bexpect\w*\s*[(.]|\bassert\w*\s*\(/;
/** A fixed wait: a timer promise or Playwright's waitForTimeout. */
const SLEEPS = /new Promise\s*\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\s*\(\s*\1\s*,|\.waitForTimeout\s*\(/;

function findings(fileName: string, text: string): Finding[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      /^(it|test)(\.only|\.concurrent|\.fails)?$/.test(node.expression.getText(source))
    ) {
      const body = node.arguments.find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
      if (body) {
        const code = body.getText(source);
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const title = node.arguments[0]?.getText(source) ?? '';
        if (!ASSERTS.test(code)) found.push({ line, title, problem: 'asserts nothing' });
        if (SLEEPS.test(code)) found.push({ line, title, problem: 'sleeps' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Today's date read in UTC: `new Date().toISOString().slice(0, 10)` and its spellings. */
const UTC_TODAY =
  /new Date\(\)\.toISOString\(\)\.(slice|substring)\(0,\s*10\)|new Date\(\)\.toISOString\(\)\.split\(\s*['"]T['"]\s*\)/;

describe('test hygiene', () => {
  it('recognises a test without an assertion and one that sleeps before it asserts', () => {
    // Spelled apart, so this test's own source shows no sleep.
    const [timer, playwrightWait] = [['set', 'Timeout'].join(''), ['waitFor', 'Timeout'].join('')];
    const sample = `
      it('a', async () => { await call(); });
      test('b', async () => { await new Promise((resolve) => ${timer}(resolve, 20)); expect(x).toBe(1); });
      it('c', () => { expectProblem(response, 404); });
      it('d', async ({ page }) => { await page.${playwrightWait}(100); await expect(page).toHaveURL('/'); });
      it.todo('e');
    `;
    expect(findings('sample.test.ts', sample)).toEqual([
      { line: 2, title: "'a'", problem: 'asserts nothing' },
      { line: 3, title: "'b'", problem: 'sleeps' },
      { line: 5, title: "'d'", problem: 'sleeps' },
    ]);
  });

  it('finds no code that takes today as UTC’s date (the collection tests failed nightly for it)', () => {
    expect(UTC_TODAY.test('const day = new Date().toISOString().slice(0, 10);')).toBe(true);
    expect(UTC_TODAY.test("const day = new Date().toISOString().split('T')[0];")).toBe(true);
    expect(UTC_TODAY.test('const day = addDays(date, 1).toISOString().slice(0, 10);')).toBe(false);
    const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: root })
      .toString()
      .split('\n')
      .filter(Boolean);
    const found = files.flatMap((file) =>
      readFileSync(`${root}/${file}`, 'utf8')
        .split('\n')
        .flatMap((line, index) => (UTC_TODAY.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    // Spelled out in this file's first test only.
    expect(found.filter((where) => !where.startsWith('apps/api/test/test-hygiene.test.ts'))).toEqual([]);
  });

  it('finds no test in the repository that asserts nothing or sleeps', () => {
    const files = execFileSync('git', ['ls-files', '*.test.ts', '*.test.tsx', '*.spec.ts'], { cwd: root })
      .toString()
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((file) =>
      findings(file, readFileSync(`${root}/${file}`, 'utf8')).map(
        (finding) => `${file}:${finding.line} ${finding.title} ${finding.problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
