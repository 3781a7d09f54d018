import { ticketStatuses } from '@portal/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffStatusChange, statusAfterCustomerClose, statusAfterCustomerReply } from './ticket-status';

const status = fc.constantFrom(...ticketStatuses);

describe('ticket status transitions', () => {
  it('a customer reply reopens a ticket waiting for them and leaves open work alone', () => {
    expect(statusAfterCustomerReply('waiting_for_customer')).toBe('open');
    expect(statusAfterCustomerReply('open')).toBe('open');
    expect(statusAfterCustomerReply('in_progress')).toBe('in_progress');
  });

  it('a closed ticket takes no customer reply and cannot be closed twice', () => {
    expect(() => statusAfterCustomerReply('closed')).toThrowError(expect.objectContaining({ code: 'conflict' }));
    expect(() => statusAfterCustomerClose('closed')).toThrowError(expect.objectContaining({ code: 'conflict' }));
  });

  it('a customer may close from every other state', () => {
    fc.assert(
      fc.property(status, (current) => {
        fc.pre(current !== 'closed');
        expect(statusAfterCustomerClose(current)).toBe('closed');
      }),
    );
  });

  it('a customer reply never leaves a ticket waiting for the customer', () => {
    fc.assert(
      fc.property(status, (current) => {
        fc.pre(current !== 'closed');
        expect(statusAfterCustomerReply(current)).not.toBe('waiting_for_customer');
      }),
    );
  });

  it('staff may set any status, and it counts as a change only when it differs', () => {
    fc.assert(
      fc.property(status, status, (current, requested) => {
        expect(staffStatusChange(current, requested)).toEqual({ status: requested, changed: current !== requested });
      }),
    );
  });
});
