import { readFileSync } from 'node:fs';
import { errorCodes, fieldErrorCodes, webhookEventTypes } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { TAGS } from '../../src/plugins/openapi-document';

const reference = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
const missing = (names: readonly string[], line: (name: string) => string) =>
  names.filter((name) => !reference.includes(line(name)));

describe('docs/api.md', () => {
  it('lists every problem code and every field error code in its catalogue', () => {
    expect(missing(errorCodes, (code) => `| \`${code}\` |`)).toEqual([]);
    expect(missing(fieldErrorCodes, (code) => `| \`${code}\` |`)).toEqual([]);
  });

  it('describes every tag and every webhook event with an example payload', () => {
    expect(
      missing(
        TAGS.map((tag) => tag.name),
        (tag) => `| \`${tag}\` |`,
      ),
    ).toEqual([]);
    expect(missing(webhookEventTypes, (type) => `"type": "${type}"`)).toEqual([]);
  });
});
