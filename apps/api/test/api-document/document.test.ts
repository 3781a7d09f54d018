import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import * as spectralParsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../app';

/**
 * The served document as an integrator meets it: the linters they run (Redocly's recommended
 * rules, Spectral's `spectral:oas`) report no errors, and openapi-typescript generates a client
 * from it without switches that type-checks a journey.
 */

const ctx = useTestApp();
let source: string;
let document: {
  paths: Record<string, Record<string, { operationId?: string; tags?: string[]; security?: unknown[] }>>;
  tags?: { name: string; description?: string }[];
};
const workDir = mkdtempSync(path.join(tmpdir(), 'portal-openapi-'));

beforeAll(async () => {
  const response = await ctx.app.inject({ url: '/api/v1/openapi.json' });
  source = response.body;
  document = response.json();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const operations = () =>
  Object.entries(document.paths).flatMap(([route, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ route, method, operation })),
  );

describe('the OpenAPI document', () => {
  it('has no errors under Redocly recommended', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('has no errors under Spectral spectral:oas', async () => {
    const { Spectral, Document } = spectralCore;
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as never, 'recommended']] } as never);
    const results = await spectral.run(new Document(source, spectralParsers.Json, 'openapi.json'));
    const errors = results
      .filter((result) => result.severity === 0)
      .map((result) => `${result.code}: ${result.message} at ${result.path.join('.')}`);
    expect(errors).toEqual([]);
  });

  it('names every operation with a unique operationId and declares every tag it uses', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set((document.tags ?? []).filter((tag) => tag.description).map((tag) => tag.name));
    const used = new Set(operations().flatMap(({ operation }) => operation.tags ?? []));
    expect([...used].filter((tag) => !declared.has(tag))).toEqual([]);
  });

  it('says of every operation which credentials it takes (none for public ones)', () => {
    const undeclared = operations().filter(({ operation }) => !Array.isArray(operation.security));
    expect(undeclared.map(({ method, route }) => `${method} ${route}`)).toEqual([]);
    expect(document.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
  });

  it('generates a typed client with openapi-typescript that type-checks a journey', async () => {
    const types = astToString(await openapiTS(source));
    writeFileSync(path.join(workDir, 'api.d.ts'), types);
    // A journey an integrator writes against the generated types: list invoices, read one, and
    // handle a problem. A wrong media type or a missing status makes this fail to compile.
    writeFileSync(
      path.join(workDir, 'journey.ts'),
      `import type { paths, components } from './api';
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Problem = components['schemas']['Problem'];
type InvoicePage = Json<paths['/api/v1/invoices']['get']['responses'][200]>;
type Invoice = Json<paths['/api/v1/invoices/{id}']['get']['responses'][200]>;
type NotFound = paths['/api/v1/invoices/{id}']['get']['responses'][404]['content']['application/problem+json'];
export function firstNumber(page: InvoicePage): string | undefined {
  return page.items[0]?.number;
}
export function grossOf(invoice: Invoice): number {
  return invoice.amounts.gross;
}
export function explain(problem: NotFound | Problem): string {
  return problem.code + ' ' + problem.requestId;
}
`,
    );
    const program = ts.createProgram([path.join(workDir, 'journey.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 180_000);
});
