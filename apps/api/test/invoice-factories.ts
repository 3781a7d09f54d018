import type { TInvoice } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export interface IssueOptions {
  issueDate?: string;
  dueDate?: string;
  servicePeriod?: { start: string; end: string };
  /** `taxRate` 7 asks for the reduced rate; the rate itself is derived from the customer. */
  lines?: Array<{ description: string; quantity: number; unit: string; unitPrice: number; taxRate?: 7 | 19 }>;
  directDebit?: boolean;
}

export const defaultLines = [
  { description: 'Colocation 1 HE, Halle A', quantity: 2, unit: 'HE', unitPrice: 4_900, taxRate: 19 as const },
  { description: 'Remote Hands', quantity: 1.5, unit: 'Std.', unitPrice: 8_500, taxRate: 19 as const },
];

/** Issues an invoice through the back-office API, as staff would. */
export async function issueInvoiceFor(
  app: FastifyInstance,
  staff: { bearer: { authorization: string } },
  customerId: string,
  options: IssueOptions = {},
): Promise<TInvoice> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/invoices',
    headers: staff.bearer,
    payload: {
      customerId,
      issueDate: options.issueDate ?? '2026-03-01',
      dueDate: options.dueDate ?? '2099-03-15',
      servicePeriod: options.servicePeriod ?? { start: '2026-03-01', end: '2026-03-31' },
      lines: (options.lines ?? defaultLines).map(({ taxRate, ...line }) => ({
        ...line,
        vatRate: taxRate === 7 ? 'reduced' : 'standard',
      })),
      ...(options.directDebit !== undefined ? { directDebit: options.directDebit } : {}),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TInvoice>();
}
