import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { expectProblem, signedInCustomer, signedInStaff } from '../../../test/factories';
import { openTicketAs, PNG_BYTES } from '../../../test/tickets';
import { findEmailsTo } from '../../mail/outbox.repository';

const ctx = useTestApp();
const missingId = '00000000-0000-4000-8000-000000000000';

describe('back office: tickets', () => {
  it('answers 403 to a customer and 401 without a session on every route', async () => {
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const requests = [
      { method: 'GET' as const, url: '/api/v1/admin/tickets' },
      { method: 'GET' as const, url: `/api/v1/admin/tickets/${ticket.id}` },
      { method: 'POST' as const, url: `/api/v1/admin/tickets/${ticket.id}/messages`, payload: { body: 'x' } },
      { method: 'PUT' as const, url: `/api/v1/admin/tickets/${ticket.id}/status`, payload: { status: 'closed' } },
      { method: 'GET' as const, url: `/api/v1/admin/tickets/${ticket.id}/attachments/${missingId}` },
    ];
    for (const request of requests) {
      expectProblem(await ctx.app.inject({ ...request, headers: customer.bearer }), 403, 'forbidden');
      expectProblem(await ctx.app.inject(request), 401, 'unauthenticated');
    }
    const detail = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(detail.json()).toMatchObject({ status: 'open', messages: [{ author: 'customer' }] });
  });

  it('lists every customer’s tickets with their customer, filtered', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const alice = await signedInCustomer(ctx.app, ctx.db, { name: 'Alice' });
    const bob = await signedInCustomer(ctx.app, ctx.db, { name: 'Bob' });
    const a1 = await openTicketAs(ctx.app, alice.bearer, { category: 'billing' });
    const b1 = await openTicketAs(ctx.app, bob.bearer, { category: 'remote_hands' });
    await ctx.app.inject({ method: 'POST', url: `/api/v1/tickets/${a1.id}/close`, headers: alice.bearer });

    const all = await ctx.app.inject({ url: '/api/v1/admin/tickets?limit=100', headers: staff.bearer });
    expect(all.statusCode).toBe(200);
    const ids = all.json().items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([a1.id, b1.id]));
    expect(ids.indexOf(b1.id)).toBeLessThan(ids.indexOf(a1.id));

    const ofBob = await ctx.app.inject({
      url: `/api/v1/admin/tickets?customerId=${bob.user.id}`,
      headers: staff.bearer,
    });
    expect(ofBob.json().items).toEqual([
      expect.objectContaining({
        id: b1.id,
        category: 'remote_hands',
        customer: {
          id: bob.user.id,
          customerNumber: bob.user.customerNumber,
          name: 'Bob',
          company: 'Test GmbH',
          email: bob.user.email,
        },
      }),
    ]);

    const closedBilling = await ctx.app.inject({
      url: `/api/v1/admin/tickets?status=closed&category=billing&customerId=${alice.user.id}`,
      headers: staff.bearer,
    });
    expect(closedBilling.json().items.map((item: { id: string }) => item.id)).toEqual([a1.id]);
    const openBilling = await ctx.app.inject({
      url: `/api/v1/admin/tickets?status=open&customerId=${alice.user.id}`,
      headers: staff.bearer,
    });
    expect(openBilling.json().items).toEqual([]);
  });

  it('a staff reply moves the ticket, e-mails the customer with the text escaped, and shows in the portal', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer, { subject: 'Rack <b>B12</b>' });
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${ticket.id}/messages`,
      headers: staff.bearer,
      payload: {
        body: 'Erledigt. <img src=x onerror=alert(1)>',
        attachments: [{ filename: 'foto.png', data: PNG_BYTES.toString('base64') }],
      },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ author: 'staff', body: 'Erledigt. <img src=x onerror=alert(1)>' });

    const seen = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(seen.json().status).toBe('waiting_for_customer');
    const staffMessage = seen.json().messages[1];
    expect(staffMessage).toMatchObject({ author: 'staff', attachments: [{ filename: 'foto.png' }] });
    const download = await ctx.app.inject({
      url: `/api/v1/tickets/${ticket.id}/attachments/${staffMessage.attachments[0].id}`,
      headers: customer.bearer,
    });
    expect(download.statusCode).toBe(200);

    const [mail] = await findEmailsTo(ctx.db, customer.user.email);
    expect(mail).toMatchObject({ template: 'ticket.staff_reply' });
    expect(mail?.subject).toContain(`#${ticket.number}`);
    expect(mail?.textBody).toContain('Erledigt. <img src=x onerror=alert(1)>');
    expect(mail?.textBody).toContain(`/contact/tickets/${ticket.id}`);
    expect(mail?.htmlBody).toContain('Erledigt. &lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.htmlBody).not.toContain('<img');
    expect(mail?.htmlBody).not.toContain('<b>B12');
  });

  it('a staff reply can set another status', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${ticket.id}/messages`,
      headers: staff.bearer,
      payload: { body: 'Wir kümmern uns.', status: 'in_progress' },
    });
    expect(reply.statusCode).toBe(201);
    const detail = await ctx.app.inject({ url: `/api/v1/admin/tickets/${ticket.id}`, headers: staff.bearer });
    expect(detail.json()).toMatchObject({ status: 'in_progress', customer: { id: customer.user.id } });
    expect(detail.json().messages).toHaveLength(2);
  });

  it('a status change e-mails the customer once; setting the same status again sends nothing', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const set = (status: string) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/admin/tickets/${ticket.id}/status`,
        headers: staff.bearer,
        payload: { status },
      });
    const first = await set('in_progress');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      id: ticket.id,
      status: 'in_progress',
      customer: { email: customer.user.email },
    });
    expect((await set('in_progress')).statusCode).toBe(200);
    const mails = await findEmailsTo(ctx.db, customer.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'ticket.status_changed' });
    expect(mails[0]?.textBody).toContain('In Bearbeitung');

    // Staff may reopen a closed ticket.
    expect((await set('closed')).json().status).toBe('closed');
    expect((await set('open')).json().status).toBe('open');

    const bad = await set('solved');
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.path).toBe('status');
  });

  it('staff download any attachment; a wrong ticket or unknown id is 404', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db);
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer, {
      attachments: [{ filename: 'log.txt', data: Buffer.from('<html><script>x</script>').toString('base64') }],
    });
    const other = await openTicketAs(ctx.app, customer.bearer);
    const attachmentId = ticket.messages[0]?.attachments[0]?.id;
    const download = await ctx.app.inject({
      url: `/api/v1/admin/tickets/${ticket.id}/attachments/${attachmentId}`,
      headers: staff.bearer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const wrongTicket = await ctx.app.inject({
      url: `/api/v1/admin/tickets/${other.id}/attachments/${attachmentId}`,
      headers: staff.bearer,
    });
    expectProblem(wrongTicket, 404, 'not_found');
    for (const url of [
      `/api/v1/admin/tickets/${missingId}`,
      `/api/v1/admin/tickets/${ticket.id}/attachments/${missingId}`,
    ]) {
      expectProblem(await ctx.app.inject({ url, headers: staff.bearer }), 404, 'not_found');
    }
    const replyToMissing = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${missingId}/messages`,
      headers: staff.bearer,
      payload: { body: 'x' },
    });
    expectProblem(replyToMissing, 404, 'not_found');
  });

  it('keeps internal notes from the customer and assigns tickets to staff', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, customer.bearer);
    const note = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/tickets/${ticket.id}/notes`,
      headers: staff.bearer,
      payload: { body: 'Kunde ruft oft an; freundlich bleiben.' },
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json()).toMatchObject({ body: 'Kunde ruft oft an; freundlich bleiben.', author: staff.user.name });

    const assigned = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/tickets/${ticket.id}/assignee`,
      headers: staff.bearer,
      payload: { assigneeId: staff.user.id },
    });
    expect(assigned.json()).toMatchObject({ id: ticket.id, assignee: { id: staff.user.id, name: staff.user.name } });
    const toCustomer = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/tickets/${ticket.id}/assignee`,
      headers: staff.bearer,
      payload: { assigneeId: customer.user.id },
    });
    expectProblem(toCustomer, 422, 'unprocessable');

    const detail = await ctx.app.inject({ url: `/api/v1/admin/tickets/${ticket.id}`, headers: staff.bearer });
    expect(detail.json()).toMatchObject({ assignee: { id: staff.user.id }, notes: [{ id: note.json().id }] });
    const asCustomer = await ctx.app.inject({ url: `/api/v1/tickets/${ticket.id}`, headers: customer.bearer });
    expect(asCustomer.body).not.toContain('freundlich bleiben');
    expect(asCustomer.json()).not.toHaveProperty('notes');

    const mine = await ctx.app.inject({ url: '/api/v1/admin/tickets?assignee=me', headers: staff.bearer });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([ticket.id]);
    const unassigned = await ctx.app.inject({
      url: '/api/v1/admin/tickets?assignee=unassigned&limit=100',
      headers: staff.bearer,
    });
    expect(unassigned.json().items.map((item: { id: string }) => item.id)).not.toContain(ticket.id);
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/tickets/${missingId}/notes`,
        headers: staff.bearer,
        payload: { body: 'x' },
      }),
      404,
      'not_found',
    );
  });

  it('lists the queue oldest first and finds by customer e-mail or ticket number', async () => {
    const staff = await signedInStaff(ctx.app, ctx.db, { staffRole: 'support' });
    const customer = await signedInCustomer(ctx.app, ctx.db, { company: 'Suchbar_%AG' });
    const first = await openTicketAs(ctx.app, customer.bearer);
    const second = await openTicketAs(ctx.app, customer.bearer);
    const byCompany = await ctx.app.inject({
      url: `/api/v1/admin/tickets?order=oldest&q=${encodeURIComponent('Suchbar_%AG')}&limit=1`,
      headers: staff.bearer,
    });
    expect(byCompany.json().items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    const next = await ctx.app.inject({
      url: `/api/v1/admin/tickets?order=oldest&q=${encodeURIComponent('Suchbar_%AG')}&limit=1&cursor=${byCompany.json().nextCursor}`,
      headers: staff.bearer,
    });
    expect(next.json().items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    const byNumber = await ctx.app.inject({ url: `/api/v1/admin/tickets?q=${second.number}`, headers: staff.bearer });
    expect(byNumber.json().items.map((item: { id: string }) => item.id)).toEqual([second.id]);
  });
});
