import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app';
import { signedInCustomer } from '../../../test/factories';
import { openTicketAs, PNG_BYTES } from '../../../test/tickets';
import { ticketAttachments, ticketMessages, tickets } from '../../db/schema/index';
import { eraseTicketContentsOf, findTicketOfCustomer } from './tickets.repository';

const ctx = useTestApp();
const screenshot = { filename: 'a.png', data: PNG_BYTES.toString('base64') };

describe('eraseTicketContentsOf', () => {
  it("blanks subjects and bodies and deletes attachments of that customer's tickets only", async () => {
    const leaving = await signedInCustomer(ctx.app, ctx.db);
    const staying = await signedInCustomer(ctx.app, ctx.db);
    const erased = await openTicketAs(ctx.app, leaving.bearer, { attachments: [screenshot] });
    const kept = await openTicketAs(ctx.app, staying.bearer, { attachments: [screenshot] });

    await ctx.db.transaction((tx) => eraseTicketContentsOf(tx, leaving.user.id));

    const erasedTicket = await findTicketOfCustomer(ctx.db, leaving.user.id, erased.id);
    expect(erasedTicket).toMatchObject({ subject: '', status: 'open' });
    const erasedMessages = await ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, erased.id));
    expect(erasedMessages.map((message) => message.body)).toEqual(['']);
    expect(await ctx.db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, erased.id))).toEqual([]);

    const [keptTicket] = await ctx.db.select().from(tickets).where(eq(tickets.id, kept.id));
    expect(keptTicket?.subject).not.toBe('');
    const keptFiles = await ctx.db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, kept.id));
    expect(keptFiles).toHaveLength(1);
  });
});

describe('findTicketOfCustomer', () => {
  it('finds nothing for another customer', async () => {
    const owner = await signedInCustomer(ctx.app, ctx.db);
    const stranger = await signedInCustomer(ctx.app, ctx.db);
    const ticket = await openTicketAs(ctx.app, owner.bearer);
    expect(await findTicketOfCustomer(ctx.db, stranger.user.id, ticket.id)).toBeUndefined();
    expect((await findTicketOfCustomer(ctx.db, owner.user.id, ticket.id))?.id).toBe(ticket.id);
  });
});
