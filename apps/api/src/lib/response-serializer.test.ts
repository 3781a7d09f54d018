import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { fixedAnswer } from './etag';
import { keepingFixedAnswers, responseSerializerCompiler, serializationSchema } from './response-serializer';

const invoice = z.object({
  id: z.string().uuid(),
  number: z.string().min(3),
  total: z.number().int(),
  paidAt: z.string().datetime().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
  lines: z.array(z.object({ description: z.string(), amount: z.number().int() })),
});

const sample = {
  id: '0b5e6f4e-1d8c-4f6a-9d5e-2a7c3b1e9f00',
  number: 'RE-2026-000123',
  total: 4_900,
  paidAt: null,
  details: { channel: 'public_form', count: 2 },
  lines: [{ description: 'Colocation 1 HE', amount: 4_900, internal: 'not in the contract' }],
  secret: 'never written',
};

const compile = (mode: 'fast' | 'compare' | 'zod', schema: z.ZodType) =>
  responseSerializerCompiler(mode)({ schema, method: 'GET', url: '/test', httpStatus: '200' } as never);

describe('response serializer', () => {
  it('writes in production what zod writes: only declared fields, nulls and records kept', () => {
    const fast = compile('fast', invoice)(sample);
    expect(JSON.parse(fast)).toEqual(JSON.parse(compile('zod', invoice)(sample)));
    expect(fast).not.toContain('never written');
    expect(fast).not.toContain('not in the contract');
  });

  it('leaves to zod what fast-json-stringify could only write by validating (unions of objects)', () => {
    const union = z.union([z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), extra: z.string() })]);
    expect(serializationSchema(union)).toBeUndefined();
    expect(serializationSchema(invoice)).toBeDefined();
  });

  it('writes nullable named schemas (a $ref or null) itself, as zod writes them', () => {
    const role = z.enum(['owner', 'member']).meta({ id: 'SerializerTestRole' });
    const debit = z.object({ status: z.string(), amount: z.number().int() }).meta({ id: 'SerializerTestDebit' });
    const item = z.object({ role: role.nullable(), debit: debit.nullable() }).meta({ id: 'SerializerTestItem' });
    const page = z.object({ items: z.array(item), me: item });
    // Named schemas live in zod's global registry, which the OpenAPI document reads: out again
    // when the test ends, or a later file in this worker would find them in the API document.
    onTestFinished(() => {
      for (const schema of [role, debit, item]) z.globalRegistry.remove(schema);
    });
    expect(serializationSchema(page)).toBeDefined();
    const data = {
      items: [
        { role: 'owner', debit: { status: 'pending', amount: 100, hidden: 'no' } },
        { role: null, debit: null },
      ],
      me: { role: 'member', debit: null, extra: 1 },
    };
    const fast = compile('fast', page)(data);
    expect(JSON.parse(fast)).toEqual(JSON.parse(compile('zod', page)(data)));
    expect(fast).not.toContain('hidden');
  });

  it('in tests, checks with zod first: an answer outside its contract fails', () => {
    expect(() => compile('compare', invoice)({ ...sample, total: 'viel' })).toThrow();
  });
});

describe('fixed answers', () => {
  it('are written once per serializer; any other answer each time it is sent', () => {
    const written: unknown[] = [];
    const serialize = keepingFixedAnswers((data) => {
      written.push(data);
      return JSON.stringify(data);
    });
    const fixed = fixedAnswer({ name: 'Kundin', roles: ['owner'] });
    const changing = { name: 'Kundin', roles: ['owner'] };
    expect(serialize(fixed)).toBe('{"name":"Kundin","roles":["owner"]}');
    expect(serialize(fixed)).toBe('{"name":"Kundin","roles":["owner"]}');
    expect(serialize(changing)).toBe('{"name":"Kundin","roles":["owner"]}');
    changing.name = 'Kunde';
    expect(serialize(changing)).toBe('{"name":"Kunde","roles":["owner"]}');
    expect(written).toEqual([fixed, changing, changing]);
    // Another route writes the same answer its own way: it keeps its own text.
    expect(keepingFixedAnswers(() => 'other')(fixed)).toBe('other');
  });
});
