import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isFixedAnswer } from './etag';

/**
 * How answers become JSON (#19, ADR 0025-d). zod checks every answer against its contract and then
 * calls JSON.stringify: 2–6 % of a request's CPU. In production each response schema is compiled
 * once into a fast-json-stringify function (from the JSON Schema zod derives, as the OpenAPI
 * document does) that writes only the declared fields. Tests keep zod's check and compare the fast
 * output with it on every answer, so a schema the two read differently fails a test, not a customer.
 */
export type ResponseSerializer = 'zod' | 'fast' | 'compare';

type JsonSchema = Record<string, unknown>;

const zodSerializer = createSerializerCompiler({});

/** Keywords that only validate: serialising needs none of them (and `additionalProperties: false` would refuse what zod strips). */
const VALIDATION_ONLY = new Set([
  'pattern',
  'propertyNames',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'uniqueItems',
  'examples',
  'description',
  '$schema',
]);

class NeedsValidation extends Error {}

/**
 * A schema fast-json-stringify writes without validating values: validation-only keywords dropped,
 * zod's `.nullable()` (an `anyOf` with null) as `nullable`. Any other `anyOf`/`oneOf`/`allOf` would
 * make it validate each value to pick a branch (slower than zod, and strict where zod strips):
 * those schemas stay with zod.
 */
function simplify(schema: unknown, definitions: JsonSchema = {}, inlining: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(schema)) return schema.map((member) => simplify(member, definitions, inlining));
  if (!schema || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !VALIDATION_ONLY.has(key) && !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [
        key,
        key === 'properties' || key === 'definitions'
          ? simplifyEach(value, definitions, inlining)
          : simplify(value, definitions, inlining),
      ]),
  ) as JsonSchema;
  if (node.format !== undefined && node.format !== 'date-time') delete node.format;
  const anyOf = node.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf)) {
    const nonNull = anyOf.filter((member) => member.type !== 'null');
    const [only] = nonNull.map((member) => inlineReference(member, definitions, inlining));
    if (anyOf.length === 2 && nonNull.length === 1 && only && typeof only.type === 'string') {
      const { anyOf: _anyOf, ...rest } = node;
      return { ...rest, ...only, nullable: true };
    }
    throw new NeedsValidation();
  }
  if ('oneOf' in node || 'allOf' in node || 'if' in node) throw new NeedsValidation();
  return node;
}

/** A map of named schemas (properties, definitions): the names are no keywords. */
function simplifyEach(value: unknown, definitions: JsonSchema, inlining: ReadonlySet<string>): unknown {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [name, simplify(member, definitions, inlining)]),
  );
}

const DEFINITION = /^#\/definitions\/(.+)$/;

/**
 * zod writes a nullable named schema (`ZMemberRole.nullable()`) as `anyOf: [{ $ref }, { type: 'null' }]`:
 * the named schema is copied in, so the pair reads as one nullable type. A schema that refers to
 * itself through such a pair stays with zod.
 */
function inlineReference(member: JsonSchema, definitions: JsonSchema, inlining: ReadonlySet<string>): JsonSchema {
  const name = typeof member.$ref === 'string' ? DEFINITION.exec(member.$ref)?.[1] : undefined;
  if (name === undefined || Object.keys(member).length !== 1) return member;
  const target = definitions[name];
  if (!target || inlining.has(name)) throw new NeedsValidation();
  return simplify(target, definitions, new Set([...inlining, name])) as JsonSchema;
}

/** The JSON Schema fast-json-stringify compiles, or undefined where zod's cannot be expressed. */
export function serializationSchema(schema: z.ZodType): JsonSchema | undefined {
  try {
    const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'throw' }) as JsonSchema;
    return simplify(json, (json.definitions ?? {}) as JsonSchema) as JsonSchema;
  } catch {
    return undefined;
  }
}

function fastStringify(schema: z.ZodType): ((data: unknown) => string) | undefined {
  const json = serializationSchema(schema);
  if (!json) return undefined;
  try {
    return fastJsonStringify(json) as (data: unknown) => string;
  } catch {
    return undefined;
  }
}

type SerializerCompiler = Parameters<typeof zodSerializer>[0];

/**
 * A serializer that writes an answer made unchangeable (`fixedAnswer`, e.g. `/me` from the session
 * cache) once and then answers with the text it wrote: the same object, frozen all the way down,
 * has the same JSON every time (#19). One text per answer and route's serializer (so per status).
 */
export function keepingFixedAnswers(serialize: (data: unknown) => string): (data: unknown) => string {
  const texts = new WeakMap<object, string>();
  return (data) => {
    if (!isFixedAnswer(data)) return serialize(data);
    let text = texts.get(data);
    if (text === undefined) {
      text = serialize(data);
      texts.set(data, text);
    }
    return text;
  };
}

export function responseSerializerCompiler(mode: ResponseSerializer) {
  return (route: SerializerCompiler): ((data: unknown) => string) => keepingFixedAnswers(serializerFor(mode, route));
}

function serializerFor(mode: ResponseSerializer, route: SerializerCompiler): (data: unknown) => string {
  const checked = zodSerializer(route);
  if (mode === 'zod') return checked;
  const schema = route.schema as z.ZodType;
  const fast = schema instanceof z.ZodType ? fastStringify(schema) : undefined;
  if (!fast) return checked;
  if (mode === 'fast') return fast;
  return (data) => {
    const expected = checked(data);
    const written = fast(data);
    if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
      throw new Error(
        `fast-json-stringify writes ${route.method} ${route.url} otherwise than zod: ${written} instead of ${expected}`,
      );
    }
    return expected;
  };
}
