import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries derived from zod 4 schemas by walking their definitions: `validOf` makes
 * values the schema accepts (refinements it cannot see are left to a final `safeParse` filter),
 * `invalidOf` makes values it must refuse or that sit just outside its limits.
 */

// zod 4 keeps the definition of every schema in `_zod.def`; only the parts read here are typed.
interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Check } }>;
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((entry) => entry._zod.def);

/** Strings that have broken web applications before: NUL bytes, markup, SQL, path tricks, RTL. */
export const nastyStrings = [
  '\u0000',
  'a\u0000b',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point (Log4Shell probe)
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u202eevil',
  '𝕌𝕟𝕚𝕔𝕠𝕕𝕖 ✓ äöüß',
  '\ud800',
  ' ',
  '\t\n',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
];

interface Limits {
  min: number;
  max: number;
}

function stringLimits(def: Def): Limits {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && check.minimum !== undefined) min = Math.max(min, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) max = Math.min(max, check.maximum);
    if (check.check === 'length_equals' && check.value !== undefined) {
      min = check.value;
      max = check.value;
    }
  }
  return { min, max };
}

function stringFormat(def: Def): { format?: string; pattern?: RegExp } {
  if (def.format) return { format: def.format, ...(def.pattern ? { pattern: def.pattern } : {}) };
  const regex = checksOf(def).find((check) => check.check === 'string_format');
  return regex ? { format: regex.format ?? 'regex', ...(regex.pattern ? { pattern: regex.pattern } : {}) } : {};
}

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const nearDate = fc
  .integer({ min: -400, max: 1200 })
  .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/), fc.constantFrom('example.com', 'example.org', 'b.de'))
  .map(([local, domain]) => `${local.replace(/[._-]+$/, '')}x@${domain}`);
const base64 = fc.uint8Array({ minLength: 3, maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64'));

function formatted(format: string, pattern: RegExp | undefined): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'uuid':
    case 'guid':
      return fc.uuid();
    case 'email':
      return email;
    case 'date':
      return fc.oneof(isoDate, nearDate);
    case 'datetime':
      return isoInstant;
    case 'base64':
      return base64;
    case 'regex':
      return pattern ? fc.stringMatching(pattern) : undefined;
    default:
      return pattern ? fc.stringMatching(pattern) : undefined;
  }
}

function validString(def: Def): fc.Arbitrary<string> {
  const { min, max } = stringLimits(def);
  const { format, pattern } = stringFormat(def);
  const special = format ? formatted(format, pattern) : undefined;
  const cap = Math.min(max, Math.max(min + 40, 60));
  const fits = (value: string) => value.trim().length >= min && value.length <= max;
  if (special) return special.filter(fits);
  // Printable text in most cases (it must survive the trim of the schema), now and then anything.
  const text = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: cap }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: cap }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: cap }) },
    { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
    ...(Number.isFinite(max) && max <= 5000 ? [{ weight: 1, arbitrary: fc.constant('x'.repeat(max)) }] : []),
  );
  return text
    .map((value) => (value.trim().length < min ? `${'a'.repeat(min)}${value}`.slice(0, max) : value))
    .filter(fits);
}

function numberLimits(def: Def) {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive = false;
  let maxExclusive = false;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than' && check.value !== undefined && (min === undefined || check.value >= min)) {
      minExclusive = check.value === min ? minExclusive || !check.inclusive : !check.inclusive;
      min = check.value;
    }
    if (check.check === 'less_than' && check.value !== undefined && (max === undefined || check.value <= max)) {
      maxExclusive = check.value === max ? maxExclusive || !check.inclusive : !check.inclusive;
      max = check.value;
    }
    if (check.check === 'number_format' && (check.format === 'safeint' || check.format?.includes('int')))
      integer = true;
  }
  return { min, max, minExclusive, maxExclusive, integer };
}

function validNumber(def: Def): fc.Arbitrary<number> {
  const limits = numberLimits(def);
  if (limits.integer) {
    const min =
      limits.min === undefined
        ? Number.MIN_SAFE_INTEGER
        : Math.ceil(limits.min) + (limits.minExclusive && Number.isInteger(limits.min) ? 1 : 0);
    const max =
      limits.max === undefined
        ? Number.MAX_SAFE_INTEGER
        : Math.floor(limits.max) - (limits.maxExclusive && Number.isInteger(limits.max) ? 1 : 0);
    const small = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 100_000) });
    return fc.oneof(
      {
        weight: 6,
        arbitrary: min <= max && Math.max(min, -1000) <= Math.min(max, 100_000) ? small : fc.integer({ min, max }),
      },
      { weight: 2, arbitrary: fc.integer({ min, max }) },
      { weight: 1, arbitrary: fc.constantFrom(min, max) },
    );
  }
  return fc.double({
    min: limits.min ?? -1e12,
    max: limits.max ?? 1e12,
    minExcluded: limits.minExclusive,
    maxExcluded: limits.maxExclusive,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values the schema should accept (unseen refinements aside); `filterValid` removes the rest. */
export function validOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return validString(def);
    case 'number':
      return validNumber(def);
    case 'int':
      return validNumber(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
      return fc.option(validOf(def.innerType as z.ZodType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(validOf(def.innerType as z.ZodType), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(validOf(def.innerType as z.ZodType), { nil: undefined, freq: 3 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return validOf(def.innerType as z.ZodType);
    case 'pipe': {
      // z.preprocess: the input is whatever the inner schema takes; pipes: their input side.
      const inner = defOf(def.in as z.ZodType).type === 'transform' ? def.out : def.in;
      return validOf(inner as z.ZodType);
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => validOf(option)));
    case 'array': {
      const { min, max } = stringLimits(def);
      return fc.array(validOf(def.element as z.ZodType), { minLength: min, maxLength: Math.min(max, min + 3) });
    }
    case 'object': {
      const shape = def.shape ?? {};
      const entries = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, validOf(value)]));
      return fc
        .record(entries)
        .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

const wrongTypes = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 10 }),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom(...nastyStrings),
);

/** Values next to or outside what the schema takes: wrong types, broken limits, missing fields. */
export function invalidOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const { min, max } = stringLimits(def);
      const { format } = stringFormat(def);
      return fc.oneof(
        wrongTypes,
        ...(Number.isFinite(max) ? [fc.constant('y'.repeat(Math.min(max + 1, 300_000)))] : []),
        ...(min > 0 ? [fc.constant(' '.repeat(min)), fc.constant('')] : []),
        ...(format
          ? [fc.constantFrom('not-a-value', '2026-02-30', '00000000-0000-0000-0000-00000000000g', 'a@', '====')]
          : []),
      );
    }
    case 'number':
    case 'int': {
      const limits = numberLimits(def);
      return fc.oneof(
        wrongTypes,
        fc.constantFrom(1.5, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, '12'),
        ...(limits.min !== undefined ? [fc.constant(limits.min - 1)] : []),
        ...(limits.max !== undefined ? [fc.constant(limits.max + 1)] : []),
      );
    }
    case 'literal':
    case 'enum':
      return fc.oneof(wrongTypes, fc.constantFrom('unknown-value', 'OPEN', ''));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return invalidOf(def.innerType as z.ZodType);
    case 'pipe': {
      const inner = defOf(def.in as z.ZodType).type === 'transform' ? def.out : def.in;
      return invalidOf(inner as z.ZodType);
    }
    case 'union':
      return fc.oneof(wrongTypes, ...(def.options ?? []).map((option) => invalidOf(option)));
    case 'array': {
      const { max } = stringLimits(def);
      const element = def.element as z.ZodType;
      return fc.oneof(
        wrongTypes,
        fc.array(invalidOf(element), { minLength: 1, maxLength: 2 }),
        ...(Number.isFinite(max) && max < 500
          ? [fc.array(validOf(element), { minLength: max + 1, maxLength: max + 1 })]
          : []),
      );
    }
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      if (keys.length === 0) return wrongTypes;
      const valid = validOf(schema);
      return fc.oneof(
        wrongTypes,
        // One field broken, the rest valid.
        fc
          .tuple(valid, fc.constantFrom(...keys))
          .chain(([object, key]) =>
            invalidOf(shape[key] as z.ZodType).map((bad) => ({ ...(object as object), [key]: bad })),
          ),
        // One field missing.
        fc.tuple(valid, fc.constantFrom(...keys)).map(([object, key]) => {
          const copy = { ...(object as Record<string, unknown>) };
          delete copy[key];
          return copy;
        }),
        // Prototype pollution attempts and unexpected keys.
        valid.map((object) => ({
          ...(object as object),
          ...JSON.parse('{"__proto__":{"admin":true}}'),
          role: 'staff',
          customerId: '00000000-0000-4000-8000-000000000000',
        })),
      );
    }
    default:
      return wrongTypes;
  }
}

/** The valid values, refinements included (zod is the judge). */
export function filterValid(schema: z.ZodType, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return arbitrary.filter((value) => schema.safeParse(value).success);
}

/** One value the schema accepts, for tests that need "any valid body". */
export function sampleValid(schema: z.ZodType, seed = 42): unknown {
  const [value] = fc.sample(filterValid(schema, validOf(schema)), { numRuns: 1, seed });
  return value;
}
