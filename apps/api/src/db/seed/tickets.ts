import { createHash } from 'node:crypto';
import type { CustomerId } from '../../modules/customers/customer-id';
import type { DbOrTx } from '../client';
import { ticketAttachments, ticketMessages, tickets } from '../schema/index';
import type { SeededAccounts } from './accounts';

const DAY = 86_400_000;

type SeedMessage = {
  author: 'customer' | 'staff';
  body: string;
  daysAgo: number;
  log?: { filename: string; text: string };
};
type SeedTicket = {
  customerId: CustomerId;
  subject: string;
  category: 'technical' | 'billing' | 'contract' | 'remote_hands' | 'other';
  status: 'open' | 'in_progress' | 'waiting_for_customer' | 'closed';
  messages: SeedMessage[];
};

/** Tickets in every state for the demo customer, and one for the second customer. */
export async function seedTickets(tx: DbOrTx, { demo, other, staff }: SeededAccounts) {
  const now = Date.now();
  const seeds: SeedTicket[] = [
    {
      customerId: demo.id,
      subject: 'Vertragsverlängerung Rack A07',
      category: 'contract',
      status: 'closed',
      messages: [
        {
          author: 'customer',
          body: 'Bitte senden Sie uns ein Angebot für die Verlängerung um 24 Monate.',
          daysAgo: 40,
        },
        { author: 'staff', body: 'Das Angebot liegt Ihnen per E-Mail vor. Wir schließen das Ticket.', daysAgo: 38 },
      ],
    },
    {
      customerId: demo.id,
      subject: 'Rückfrage zur Rechnung (Strompauschale)',
      category: 'billing',
      status: 'waiting_for_customer',
      messages: [
        { author: 'customer', body: 'Die Strompauschale ist höher als im Vormonat. Woran liegt das?', daysAgo: 6 },
        {
          author: 'staff',
          body: 'Die Pauschale richtet sich nach der gemessenen Leistung. Dürfen wir die Messwerte an Ihre Buchhaltung senden?',
          daysAgo: 5,
        },
      ],
    },
    {
      customerId: demo.id,
      subject: 'Techniker-Zugang Rack B12 am Freitag',
      category: 'remote_hands',
      status: 'in_progress',
      messages: [
        {
          author: 'customer',
          body: 'Unser Techniker Jan Krüger kommt am Freitag um 9 Uhr für einen Festplattentausch.',
          daysAgo: 3,
        },
        { author: 'staff', body: 'Der Zugang ist angemeldet. Bitte Ausweis mitbringen.', daysAgo: 2 },
      ],
    },
    {
      customerId: demo.id,
      subject: 'Cloud-Server: Paketverlust seit heute Morgen',
      category: 'technical',
      status: 'open',
      messages: [
        {
          author: 'customer',
          body: 'Seit ca. 07:30 Uhr sehen wir 5 % Paketverlust zum Cloud-Server. Ein Auszug aus mtr hängt an.',
          daysAgo: 0.1,
          log: {
            filename: 'mtr.log',
            text: 'HOST: web-01   Loss%  Snt  Last\n  1. gw.example  0.0%  100  0.4\n  2. core-1       5.0%  100  1.2\n',
          },
        },
      ],
    },
    {
      customerId: other.id,
      subject: 'Reverse-DNS für unseren IP-Bereich',
      category: 'technical',
      status: 'open',
      messages: [
        {
          author: 'customer',
          body: 'Bitte setzen Sie PTR-Einträge für 192.0.2.0/28 auf mail.beispiel.example.',
          daysAgo: 1,
        },
      ],
    },
  ];

  for (const seed of seeds) {
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const last = seed.messages.at(-1)?.daysAgo ?? 0;
    const [ticket] = await tx
      .insert(tickets)
      .values({
        customerId: seed.customerId,
        subject: seed.subject,
        category: seed.category,
        status: seed.status,
        createdAt: at(seed.messages[0]?.daysAgo ?? 0),
        updatedAt: at(last),
      })
      .returning();
    if (!ticket) throw new Error('seeding a ticket returned nothing');
    for (const message of seed.messages) {
      const [row] = await tx
        .insert(ticketMessages)
        .values({
          ticketId: ticket.id,
          author: message.author,
          authorUserId: message.author === 'staff' ? staff.id : seed.customerId,
          body: message.body,
          createdAt: at(message.daysAgo),
        })
        .returning();
      if (!row || !message.log) continue;
      const content = Buffer.from(message.log.text, 'utf8');
      await tx.insert(ticketAttachments).values({
        messageId: row.id,
        ticketId: ticket.id,
        filename: message.log.filename,
        contentType: 'text/plain; charset=utf-8',
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      });
    }
  }
}
