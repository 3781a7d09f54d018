import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ticketAttachmentLimits } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { type FilePart, multipartBody, newTicket, openTicketAs, PNG_BYTES } from '../../../test/tickets';

/** Attachments as `multipart/form-data` (ADR 0025): the same rules as the JSON form, enforced while reading. */

const ctx = useTestApp();
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const LOG = Buffer.from('2026-12-03T07:00:00Z kernel: eth0 link down\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const filler = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, 0x20)]);

async function postTicket(headers: Record<string, string>, files: FilePart[], fields = newTicket) {
  const body = await multipartBody(fields, files);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

async function ticketCount(headers: Record<string, string>) {
  const list = await ctx.app.inject({ url: '/api/v1/tickets', headers });
  return list.json<{ items: unknown[] }>().items.length;
}

describe('POST /tickets as multipart/form-data', () => {
  it('opens a ticket with files sent as they are, stored and served byte for byte', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await postTicket(customer.bearer, [
      { name: 'screenshot.png', content: PNG_BYTES, type: 'image/png' },
      { name: 'C:\\logs\\syslog.log', content: LOG },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const ticket = response.json<{
      id: string;
      subject: string;
      messages: Array<{ body: string; attachments: Array<{ id: string; filename: string; contentType: string }> }>;
    }>();
    expect(ticket.subject).toBe(newTicket.subject);
    expect(ticket.messages[0]?.body).toBe(newTicket.message);
    expect(ticket.messages[0]?.attachments).toEqual([
      { id: expect.any(String), filename: 'screenshot.png', contentType: 'image/png', sizeBytes: PNG_BYTES.length },
      {
        id: expect.any(String),
        filename: 'syslog.log',
        contentType: 'text/plain; charset=utf-8',
        sizeBytes: LOG.length,
      },
    ]);
    const download = await ctx.app.inject({
      url: `/api/v1/tickets/${ticket.id}/attachments/${ticket.messages[0]?.attachments[1]?.id}`,
      headers: customer.bearer,
    });
    expect(download.rawPayload.equals(LOG)).toBe(true);
  });

  it('validates the text fields like the JSON body, naming the field (400)', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const { subject: _subject, ...withoutSubject } = newTicket;
    const missing = expectProblem(
      await postTicket(customer.bearer, [], withoutSubject as typeof newTicket),
      400,
      'validation_failed',
    );
    expect(missing.errors?.map((error) => error.path)).toEqual(['subject']);

    const stray = await multipartBody(newTicket, [{ name: 'a.png', content: PNG_BYTES }], 'upload');
    const wrongPart = expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { ...customer.bearer, ...stray.headers },
        payload: stray.payload,
      }),
      400,
      'validation_failed',
    );
    expect(wrongPart.errors?.map((error) => error.path)).toEqual(['upload']);
    expect(await ticketCount(customer.bearer)).toBe(0);
  });

  it('refuses a file over the per-file cap with 413, naming the file, and writes nothing', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const tooBig = filler(ticketAttachmentLimits.maxFileBytes + 1);
    const problem = expectProblem(
      await postTicket(customer.bearer, [
        { name: 'ok.png', content: PNG_BYTES },
        { name: 'big.pdf', content: tooBig },
      ]),
      413,
      'payload_too_large',
    );
    expect(problem.errors).toEqual([{ path: 'attachments.1', code: 'fileTooLarge', message: expect.any(String) }]);
    expect(await ticketCount(customer.bearer)).toBe(0);
  });

  it('answers 413 over a real connection while the upload is still being sent, and closes it', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = ctx.app.server.address() as AddressInfo;
    const boundary = 'portal-test-boundary';
    const head = Buffer.from(
      [
        `--${boundary}`,
        'content-disposition: form-data; name="subject"',
        '',
        newTicket.subject,
        `--${boundary}`,
        'content-disposition: form-data; name="attachments"; filename="big.pdf"',
        'content-type: application/pdf',
        '',
        '',
      ].join('\r\n'),
    );
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const upload = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/tickets',
          headers: { ...customer.bearer, 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
        upload.on('error', reject);
        upload.on('response', (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body });
            upload.destroy();
          });
        });
        // The file's first byte over the cap, and never the end of the body: the answer must not wait for it.
        upload.write(head);
        upload.write(filler(ticketAttachmentLimits.maxFileBytes + 1));
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large', errors: [{ path: 'attachments.0' }] });
    expect(await ticketCount(customer.bearer)).toBe(0);
  });

  it('accepts a file of exactly the per-file cap', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await postTicket(customer.bearer, [
      { name: 'max.pdf', content: filler(ticketAttachmentLimits.maxFileBytes) },
    ]);
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses files over the per-message cap and more files than allowed (413)', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const part = filler(Math.floor(3.4 * 1024 * 1024));
    const three = [1, 2, 3].map((n) => ({ name: `${n}.pdf`, content: part }));
    const total = expectProblem(await postTicket(customer.bearer, three), 413, 'payload_too_large');
    expect(total.errors).toEqual([{ path: 'attachments', code: 'filesTooLarge', message: expect.any(String) }]);

    const many = Array.from({ length: ticketAttachmentLimits.maxFiles + 1 }, (_, n) => ({
      name: `${n}.png`,
      content: PNG_BYTES,
    }));
    const count = expectProblem(await postTicket(customer.bearer, many), 413, 'payload_too_large');
    expect(count.errors).toEqual([{ path: 'attachments', code: 'tooMany', message: expect.any(String) }]);
    expect(await ticketCount(customer.bearer)).toBe(0);
  });

  it('refuses content of another type whatever its name or declared type, and a name against the content (415)', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const exe = expectProblem(
      await postTicket(customer.bearer, [{ name: 'rechnung.pdf', content: EXE, type: 'application/pdf' }]),
      415,
      'unsupported_media_type',
    );
    expect(exe.errors).toEqual([{ path: 'attachments.0', code: 'fileTypeRefused', message: expect.any(String) }]);

    // Text that turns binary after its first chunk is refused as well.
    const binaryTail = Buffer.concat([Buffer.from('looks like text\n'.repeat(8192)), Buffer.from([0, 1, 2])]);
    const tail = expectProblem(
      await postTicket(customer.bearer, [{ name: 'app.log', content: binaryTail }]),
      415,
      'unsupported_media_type',
    );
    expect(tail.errors?.[0]?.path).toBe('attachments.0');

    const mismatch = expectProblem(
      await postTicket(customer.bearer, [{ name: 'notes.txt', content: PNG_BYTES }]),
      415,
      'unsupported_media_type',
    );
    expect(mismatch.errors).toEqual([{ path: 'attachments.0', code: 'fileNameMismatch', message: expect.any(String) }]);
    expect(await ticketCount(customer.bearer)).toBe(0);
  });
});

describe('malformed multipart bodies', () => {
  it('answers 400 for a body that is not the multipart it claims, and for one cut off', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const send = (payload: string | Buffer, contentType: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: { ...customer.bearer, 'content-type': contentType },
        payload,
      });
    expectProblem(await send('{"__proto__":{"x":1}}', 'multipart/form-data; boundary=x'), 400, 'bad_request');
    const whole = await multipartBody(newTicket, [{ name: 'a.png', content: PNG_BYTES }]);
    const cut = whole.payload.subarray(0, whole.payload.length - 30);
    expectProblem(await send(cut, whole.headers['content-type']), 400, 'bad_request');
    expectProblem(await send('subject=x', 'multipart/form-data'), 400);
    expect(await ticketCount(customer.bearer)).toBe(0);
  });
});

describe('replies as multipart/form-data', () => {
  it('a customer reply carries its files; a retry with the same key replays, other files with it are 422', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const reply = async (files: FilePart[], key: string) => {
      const body = await multipartBody({ body: 'Hier das Protokoll.' }, files);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        headers: { ...customer.bearer, ...body.headers, 'idempotency-key': key },
        payload: body.payload,
      });
    };
    const key = crypto.randomUUID();
    const first = await reply([{ name: 'protokoll.pdf', content: PDF }], key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      author: 'customer',
      body: 'Hier das Protokoll.',
      attachments: [{ filename: 'protokoll.pdf', contentType: 'application/pdf' }],
    });
    const again = await reply([{ name: 'protokoll.pdf', content: PDF }], key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expectProblem(
      await reply([{ name: 'protokoll.pdf', content: filler(PDF.length + 1) }], key),
      422,
      'idempotency_key_reused',
    );

    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.json<{ messages: unknown[] }>().messages).toHaveLength(2);
  });

  it('staff answer with files as multipart, under the same limits', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const answer = async (files: FilePart[]) => {
      const body = await multipartBody({ body: 'Anbei der Bericht.', status: 'in_progress' }, files);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/tickets/${ticket.id}/messages`,
        headers: { ...staff.bearer, ...body.headers },
        payload: body.payload,
      });
    };
    const refused = expectProblem(await answer([{ name: 'bericht.pdf', content: EXE }]), 415, 'unsupported_media_type');
    expect(refused.errors?.[0]?.path).toBe('attachments.0');

    const response = await answer([{ name: 'bericht.pdf', content: PDF }]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ author: 'staff', attachments: [{ filename: 'bericht.pdf' }] });
    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.json()).toMatchObject({ status: 'in_progress' });
    expect(detail.json<{ messages: unknown[] }>().messages).toHaveLength(2);
  });
});
