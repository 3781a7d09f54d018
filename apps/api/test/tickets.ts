import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

// Shared by the ticket route tests: a ticket opened through the API, as a customer would.

export const PNG_BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

export const newTicket = {
  subject: 'Server antwortet nicht',
  category: 'technical',
  message: 'Seit 10 Uhr ist cs-001 nicht erreichbar.\n<script>alert(1)</script>',
};

export async function openTicketAs(
  app: FastifyInstance,
  headers: Record<string, string>,
  overrides: Record<string, unknown> = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers,
    payload: { ...newTicket, ...overrides },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{
    id: string;
    number: number;
    status: string;
    messages: Array<{ id: string; body: string; attachments: Array<{ id: string }> }>;
  }>();
}

export interface FilePart {
  name: string;
  content: Buffer;
  /** What the client claims; the API decides by content. */
  type?: string;
}

/**
 * A real `multipart/form-data` body, encoded by the platform's own FormData (as a browser or an
 * integrator's fetch sends it), for `app.inject`.
 */
export async function multipartBody(fields: Record<string, string>, files: FilePart[] = [], fileField = 'attachments') {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(fileField, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}
