import { describe, expect, it } from 'vitest';
import { createPortalClient, expectData, idempotencyKey, PortalApiError, withFiles } from './index';

/** The client as an integrator uses it, against a recording fetch (the API itself: apps/api's SDK test). */

function recorder(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer();
  };
  return { requests, fetch };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('createPortalClient', () => {
  it('sends the token, the base URL and the idempotency key', async () => {
    const { requests, fetch } = recorder(() => json(201, { id: 'x' }));
    let token = 'first';
    const client = createPortalClient({ baseUrl: 'https://portal.example.com/', token: () => token, fetch });
    await client.GET('/api/v1/me');
    token = 'second';
    await client.POST('/api/v1/tickets/{id}/close', {
      params: { path: { id: '5c0d5a8e-6b3f-4a53-9b0e-2a7c1f0f9d11' } },
    });
    await client.POST('/api/v1/tickets', {
      params: { header: idempotencyKey('key-1') },
      body: { subject: 'Test', category: 'other', message: 'Hallo' },
    });
    expect(requests.map((request) => request.url)).toEqual([
      'https://portal.example.com/api/v1/me',
      'https://portal.example.com/api/v1/tickets/5c0d5a8e-6b3f-4a53-9b0e-2a7c1f0f9d11/close',
      'https://portal.example.com/api/v1/tickets',
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
      'Bearer second',
    ]);
    expect(requests[2]?.headers.get('idempotency-key')).toBe('key-1');
    expect(await requests[2]?.json()).toEqual({ subject: 'Test', category: 'other', message: 'Hallo' });
  });

  it('sends files as multipart/form-data parts beside the fields', async () => {
    const { requests, fetch } = recorder(() => json(201, { id: 'x' }));
    const client = createPortalClient({ baseUrl: 'http://localhost:3000', token: 'pat_x', fetch });
    await client.POST('/api/v1/tickets', {
      body: { subject: 'Log', category: 'technical', message: 'Siehe Anhang', productId: undefined },
      bodySerializer: withFiles([
        { name: 'a.log', content: new Blob(['eins']) },
        { name: 'b.log', content: new Blob(['zwei']) },
      ]),
    });
    const request = requests[0];
    expect(request?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request?.formData();
    expect([...(form?.keys() ?? [])]).toEqual(['subject', 'category', 'message', 'attachments', 'attachments']);
    const files = form?.getAll('attachments') as File[];
    expect(files.map((file) => file.name)).toEqual(['a.log', 'b.log']);
    expect(await files[1]?.text()).toBe('zwei');
  });

  it('turns a problem into a PortalApiError with its code', async () => {
    const problem = { type: 'urn:portal:problem:not_found', title: 'Not found', status: 404, code: 'not_found' };
    const { fetch } = recorder(() => json(404, problem, 'application/problem+json'));
    const client = createPortalClient({ baseUrl: 'http://localhost:3000', fetch });
    const result = await client.GET('/api/v1/tickets/{id}', {
      params: { path: { id: '5c0d5a8e-6b3f-4a53-9b0e-2a7c1f0f9d11' } },
    });
    expect(() => expectData(result)).toThrow(PortalApiError);
    expect(() => expectData(result)).toThrow(/^404 not_found/);
  });
});
