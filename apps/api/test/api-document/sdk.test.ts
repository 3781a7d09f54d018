import { describe, expect, it } from 'vitest';
import { committedSdkFiles, generateSdkFiles } from '../../src/openapi/sdk-types';

/**
 * `packages/sdk` is generated from the document production serves (ADR 0025): a contract change
 * without `pnpm --filter @portal/sdk generate` fails here, so the committed client never lags.
 */
describe('packages/sdk', () => {
  it('holds the types generated from the current OpenAPI document', async () => {
    const generated = await generateSdkFiles();
    const committed = committedSdkFiles(Object.keys(generated));
    for (const [name, content] of Object.entries(generated)) {
      expect(committed[name] === content, `packages/sdk/${name} is stale: run pnpm --filter @portal/sdk generate`).toBe(
        true,
      );
    }
  });

  it('generates a multipart body with binary file parts for the routes that take files', async () => {
    const types = (await generateSdkFiles())['src/schema.d.ts'] ?? '';
    const createTicket = types.slice(types.indexOf('    createTicket: {'));
    const body = createTicket.slice(0, createTicket.indexOf('responses:'));
    expect(body).toContain('"application/json"');
    expect(body).toMatch(/"multipart\/form-data": \{[\s\S]*attachments\?: string\[\];/);
  });
});
