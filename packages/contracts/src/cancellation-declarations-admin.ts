import { z } from 'zod';
import { listOf, ZDate, ZIdParams, ZInstant, ZListQuery, ZUuid } from './common';
import { defineRoute } from './http';
import { staffProblems, ZProblem } from './problem';
import { requireReasonWhenExtraordinary, ZCancellation, ZCancellationType, ZReason } from './products';

/** How a cancellation reached us: the portal, the §312k form, or staff recorded a letter or e-mail. */
export const ZCancellationChannel = z.enum(['portal', 'public_form', 'letter', 'email', 'provider']);
export type TCancellationChannel = z.infer<typeof ZCancellationChannel>;

export const ZDeclarationStatus = z.enum(['received', 'pending_review', 'applied', 'rejected']).meta({
  description:
    '`received`: not matched yet (seconds after the form); `pending_review`: waits for staff; ' +
    '`applied`: a contract was cancelled by it; `rejected`: refused, the declarant was told why',
});

/** A declaration from the public form as the back office reviews it. */
export const ZCancellationDeclaration = z
  .object({
    id: ZUuid,
    reference: z.string(),
    status: ZDeclarationStatus,
    type: ZCancellationType,
    reason: z.string().nullable(),
    name: z.string(),
    customerNumber: z.string().nullable().meta({ description: 'As typed into the form' }),
    email: z.string().meta({ description: 'As typed into the form; the receipt went there' }),
    contract: z.string().meta({ description: 'As typed into the form' }),
    requestedEndDate: ZDate.nullable(),
    receiptSent: z.boolean().meta({ description: 'False when the daily receipt cap held the receipt back' }),
    customerId: ZUuid.nullable().meta({ description: 'The customer the declaration names, if any' }),
    productId: ZUuid.nullable().meta({ description: 'The contract it names or was linked to, if any' }),
    cancellationId: ZUuid.nullable(),
    receivedAt: ZInstant,
    ageSeconds: z.number().int().min(0).meta({ description: 'Time since receipt, when the list was read' }),
    decidedAt: ZInstant.nullable(),
    decidedBy: ZUuid.nullable(),
    rejectionReason: z.string().nullable(),
  })
  .meta({ id: 'CancellationDeclaration' });
export type TCancellationDeclaration = z.infer<typeof ZCancellationDeclaration>;

export const ZLinkDeclarationBody = z.object({
  productId: ZUuid.meta({ description: 'The contract the declaration means' }),
});

export const ZRejectDeclarationBody = z.object({
  reason: z.string().trim().min(1).max(2000).meta({ description: 'Sent to the declarant as written' }),
});

export const ZRecordCancellationBody = z
  .object({
    productId: ZUuid,
    type: ZCancellationType,
    reason: ZReason.optional(),
    endDate: ZDate.optional().meta({
      description: 'Omitted: the earliest possible end date; a date the contract does not allow: the next one it does',
    }),
    channel: z.enum(['letter', 'email']),
    receivedAt: ZInstant.meta({ description: 'When the letter or e-mail arrived; the notice counts from here' }),
  })
  .superRefine(requireReasonWhenExtraordinary);

export const ZRecordedCancellation = ZCancellation.extend({ customerId: ZUuid, channel: ZCancellationChannel });

export const cancellationDeclarationRoutes = {
  list: defineRoute({
    method: 'GET',
    operationId: 'listCancellationDeclarations',
    path: '/admin/cancellation-declarations',
    summary: 'Declarations from the public cancellation form; by default those waiting for review, oldest first',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'cancellations',
    query: ZListQuery.extend({ status: ZDeclarationStatus.default('pending_review') }),
    responses: { 200: listOf(ZCancellationDeclaration), ...staffProblems },
  }),
  link: defineRoute({
    method: 'POST',
    operationId: 'linkCancellationDeclaration',
    path: '/admin/cancellation-declarations/:id/link',
    summary:
      "Apply a declaration waiting for review to a contract; it counts from the declaration's receipt and the customer gets the confirmation",
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'cancellations',
    params: ZIdParams,
    body: ZLinkDeclarationBody,
    responses: { 200: ZCancellationDeclaration, ...staffProblems, 404: ZProblem, 409: ZProblem, 422: ZProblem },
  }),
  reject: defineRoute({
    method: 'POST',
    operationId: 'rejectCancellationDeclaration',
    path: '/admin/cancellation-declarations/:id/reject',
    summary: 'Refuse a declaration waiting for review; the reason is sent to the declarant',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'cancellations',
    params: ZIdParams,
    body: ZRejectDeclarationBody,
    responses: { 200: ZCancellationDeclaration, ...staffProblems, 404: ZProblem, 409: ZProblem },
  }),
  record: defineRoute({
    method: 'POST',
    operationId: 'recordCancellation',
    path: '/admin/cancellations',
    summary: 'Record a cancellation that arrived by letter or e-mail, counted from its receipt',
    tags: ['admin'],
    access: 'staff',
    staffPermission: 'cancellations',
    body: ZRecordCancellationBody,
    responses: { 201: ZRecordedCancellation, ...staffProblems, 409: ZProblem, 422: ZProblem },
  }),
} as const;
