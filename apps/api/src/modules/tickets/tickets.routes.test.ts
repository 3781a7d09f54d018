import { ticketAttachmentLimits } from '@portal/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { createProduct } from '../../../test/product-factories';
import { newTicket, openTicketAs, PNG_BYTES } from '../../../test/tickets';

const ctx = useTestApp();
const screenshot = { filename: 'screenshot.png', data: PNG_BYTES.toString('base64') };

describe('POST /tickets and GET /tickets/{id}', () => {
  it('opens a ticket with an attachment that only its owner can read', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer, { attachments: [screenshot] });
    expect(ticket).toMatchObject({
      subject: newTicket.subject,
      category: 'technical',
      status: 'open',
      productId: null,
    });
    expect(ticket.number).toBeGreaterThanOrEqual(100001);
    // Stored verbatim: plain text, never interpreted.
    expect(ticket.messages).toEqual([
      {
        id: expect.any(String),
        author: 'customer',
        body: newTicket.message,
        createdAt: expect.any(String),
        attachments: [{ id: expect.any(String), filename: 'screenshot.png', contentType: 'image/png', sizeBytes: 16 }],
      },
    ]);

    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toEqual(ticket);

    const attachmentId = ticket.messages[0]?.attachments[0]?.id;
    const download = await ctx.app.inject({
      url: `/api/v1/tickets/${ticket.id}/attachments/${attachmentId}`,
      headers: customer.bearer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG_BYTES)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="screenshot.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for another customer’s ticket and attachment, exactly like a missing one', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, owner.bearer, { attachments: [screenshot] });
    const attachmentId = ticket.messages[0]?.attachments[0]?.id;
    const requests = [
      { method: 'GET' as const, url: `/api/v1/tickets/${ticket.id}` },
      { method: 'GET' as const, url: `/api/v1/tickets/${ticket.id}/attachments/${attachmentId}` },
      { method: 'POST' as const, url: `/api/v1/tickets/${ticket.id}/messages`, payload: { body: 'Hallo?' } },
      { method: 'POST' as const, url: `/api/v1/tickets/${ticket.id}/close` },
    ];
    for (const request of requests) {
      expectProblem(await ctx.app.inject({ ...request, headers: stranger.bearer }), 404, 'not_found');
    }
    const missing = await ctx.app.inject({
      url: '/api/v1/tickets/00000000-0000-4000-8000-000000000000',
      headers: stranger.bearer,
    });
    expectProblem(missing, 404, 'not_found');
    const list = await ctx.app.inject({ url: '/api/v1/tickets', headers: stranger.bearer });
    expect(list.json().items).toEqual([]);
    // The owner's thread is untouched by the stranger's attempts.
    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: owner.bearer });
    expect(detail.json()).toMatchObject({ status: 'open', messages: [{ author: 'customer' }] });
  });

  it('answers 401 without a session on every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const requests = [
      { method: 'GET' as const, url: '/api/v1/tickets' },
      { method: 'POST' as const, url: '/api/v1/tickets', payload: newTicket },
      { method: 'GET' as const, url: `/api/v1/tickets/${id}` },
      { method: 'POST' as const, url: `/api/v1/tickets/${id}/messages`, payload: { body: 'x' } },
      { method: 'POST' as const, url: `/api/v1/tickets/${id}/close` },
      { method: 'GET' as const, url: `/api/v1/tickets/${id}/attachments/${id}` },
    ];
    for (const request of requests) expectProblem(await ctx.app.inject(request), 401, 'unauthenticated');
  });

  it('names invalid fields', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: customer.bearer,
      payload: { subject: ' ', category: 'complaint', message: '' },
    });
    const problem = expectProblem(response, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['category', 'message', 'subject']);
  });

  it('accepts the customer’s own product and refuses another customer’s or a missing one', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const own = await createProduct(ctx.db, customer.user.id);
    const foreign = await createProduct(ctx.db, stranger.user.id);

    const ticket = await openTicketAs(ctx.app, customer.bearer, { productId: own.id });
    expect(ticket).toMatchObject({ productId: own.id });

    for (const productId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: customer.bearer,
        payload: { ...newTicket, productId },
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toEqual([{ path: 'productId', code: 'productUnknown', message: expect.any(String) }]);
    }
    const list = await ctx.app.inject({ url: '/api/v1/tickets', headers: customer.bearer });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([ticket.id]);
  });
});

describe('attachment limits and content checks', () => {
  const post = async (attachments: unknown[]) => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: customer.bearer,
      payload: { ...newTicket, attachments },
    });
  };

  it('refuses content that is not PDF, PNG, JPEG or text, whatever the name (415)', async () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]).toString('base64');
    const problem = expectProblem(await post([{ filename: 'rechnung.pdf', data: exe }]), 415, 'unsupported_media_type');
    expect(problem.errors?.[0]?.path).toBe('attachments.0.data');
  });

  it('refuses a name that contradicts the content (415)', async () => {
    const problem = expectProblem(
      await post([{ filename: 'notes.txt', data: PNG_BYTES.toString('base64') }]),
      415,
      'unsupported_media_type',
    );
    expect(problem.errors?.[0]?.path).toBe('attachments.0.filename');
  });

  it('accepts a log file and stores a sanitised name', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer, {
      attachments: [{ filename: '../var/log/syslog.log', data: Buffer.from('kernel: link down\n').toString('base64') }],
    });
    expect(ticket.messages[0]?.attachments[0]).toMatchObject({
      filename: 'syslog.log',
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it('refuses a file over the per-file cap, more files than allowed and bad base64 (400)', async () => {
    const tooBig = Buffer.alloc(ticketAttachmentLimits.maxFileBytes + 1, 0x41).toString('base64');
    const big = expectProblem(await post([{ filename: 'a.txt', data: tooBig }]), 400, 'validation_failed');
    expect(big.errors?.[0]?.path).toBe('attachments.0.data');

    const many = Array.from({ length: ticketAttachmentLimits.maxFiles + 1 }, (_, n) => ({
      filename: `${n}.png`,
      data: PNG_BYTES.toString('base64'),
    }));
    expectProblem(await post(many), 400, 'validation_failed');

    const garbage = expectProblem(await post([{ filename: 'a.txt', data: 'not base64!' }]), 400, 'validation_failed');
    expect(garbage.errors?.[0]?.path).toBe('attachments.0.data');
  });

  it('refuses files over the per-message cap (400) and bodies over the route limit (413)', async () => {
    // Three files of 3.4 MB: each under the per-file cap, together over the per-message cap.
    const part = Buffer.alloc(Math.floor(3.4 * 1024 * 1024), 0x41).toString('base64');
    const three = [1, 2, 3].map((n) => ({ filename: `${n}.txt`, data: part }));
    const total = expectProblem(await post(three), 400, 'validation_failed');
    expect(total.errors?.[0]?.path).toBe('attachments');

    const huge = 'A'.repeat(16 * 1024 * 1024);
    expectProblem(await post([{ filename: 'a.txt', data: huge }]), 413, 'payload_too_large');
  });
});

describe('replies and status', () => {
  it('a customer reply reopens a ticket waiting for them; closing ends replies', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const staff = await signedInStaff(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const answered = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${ticket.id}/messages`,
      headers: staff.bearer,
      payload: { body: 'Bitte senden Sie uns die Seriennummer.' },
    });
    expect(answered.statusCode).toBe(201);

    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: customer.bearer,
      payload: { body: 'SN 4711', attachments: [screenshot] },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      author: 'customer',
      body: 'SN 4711',
      attachments: [{ filename: 'screenshot.png' }],
    });

    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.json().status).toBe('open');
    expect(detail.json().messages.map((message: { author: string }) => message.author)).toEqual([
      'customer',
      'staff',
      'customer',
    ]);

    const close = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/close`,
      headers: customer.bearer,
    });
    expect(close.statusCode).toBe(200);
    expect(close.json()).toMatchObject({ id: ticket.id, status: 'closed' });

    const late = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: customer.bearer,
      payload: { body: 'Noch etwas' },
    });
    expectProblem(late, 409, 'conflict');
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/close`,
      headers: customer.bearer,
    });
    expectProblem(again, 409, 'conflict');
  });

  it('a reply to an open ticket keeps it open', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: customer.bearer,
      payload: { body: 'Nachtrag' },
    });
    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.json()).toMatchObject({ status: 'open' });
    expect(detail.json().messages).toHaveLength(2);
  });
});

describe('GET /tickets', () => {
  it('lists newest first, filters by status and pages with a cursor', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const first = await openTicketAs(ctx.app, customer.bearer, { subject: 'Erstes' });
    const second = await openTicketAs(ctx.app, customer.bearer, { subject: 'Zweites' });
    const third = await openTicketAs(ctx.app, customer.bearer, { subject: 'Drittes', category: 'billing' });
    await ctx.app.inject({ method: 'POST', url: `/api/v1/tickets/${second.id}/close`, headers: customer.bearer });

    const page1 = await ctx.app.inject({ url: '/api/v1/tickets?limit=2', headers: customer.bearer });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((item: { id: string }) => item.id)).toEqual([third.id, second.id]);
    expect(page1.json().items[0]).toEqual({
      id: third.id,
      number: third.number,
      subject: 'Drittes',
      category: 'billing',
      status: 'open',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const cursor = page1.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    expect(page1.json().hasMore).toBe(true);
    expect(page1.headers.link).toBe(`</api/v1/tickets?limit=2&cursor=${cursor}>; rel="next"`);
    const page2 = await ctx.app.inject({ url: `/api/v1/tickets?limit=2&cursor=${cursor}`, headers: customer.bearer });
    expect(page2.json()).toEqual({
      items: [expect.objectContaining({ id: first.id })],
      nextCursor: null,
      hasMore: false,
    });
    expect(page2.headers.link).toBeUndefined();

    const open = await ctx.app.inject({ url: '/api/v1/tickets?status=open,in_progress', headers: customer.bearer });
    expect(open.json().items.map((item: { id: string }) => item.id)).toEqual([third.id, first.id]);
    const closed = await ctx.app.inject({ url: '/api/v1/tickets?status=closed', headers: customer.bearer });
    expect(closed.json().items.map((item: { id: string }) => item.id)).toEqual([second.id]);

    const overview = await ctx.app.inject({ url: '/api/v1/overview', headers: customer.bearer });
    expect(
      overview
        .json()
        .openTickets.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([first.id, third.id].sort());
  });

  it('names a bad status filter and a bad cursor', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const status = await ctx.app.inject({ url: '/api/v1/tickets?status=solved', headers: customer.bearer });
    expect(expectProblem(status, 400, 'validation_failed').errors?.[0]?.path).toMatch(/^query\.status/);
    const cursor = await ctx.app.inject({ url: '/api/v1/tickets?cursor=abc', headers: customer.bearer });
    expect(expectProblem(cursor, 400, 'validation_failed').errors?.[0]?.path).toBe('query.cursor');
  });
});

describe('throttling', () => {
  it('limits how many tickets one customer opens, without touching another customer', async () => {
    const busy = await signedInCustomer(ctx.app, ctx.db);
    const payload = { ...newTicket, message: 'kurz' };
    const statuses: number[] = [];
    for (let n = 0; n < 11; n += 1) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: busy.bearer, payload });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(statuses[10]).toBe(429);

    const calm = await signedInCustomer(ctx.app, ctx.db);
    await openTicketAs(ctx.app, calm.bearer);
  });
});
