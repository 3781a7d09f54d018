import { z } from 'zod';

/**
 * What a member of a customer account may do (ADR 0020). Each customer route's contract names
 * the one permission it needs; the API checks it centrally, the SPA hides what the role lacks.
 */
export const permissions = [
  'account:read',
  'account:write',
  'account:delete',
  'account:export',
  'team:manage',
  'invoices:read',
  'invoices:pay',
  'invoice-settings:write',
  'bank:read',
  'bank:write',
  'products:read',
  'products:cancel',
  'documents:read',
  'tickets:read',
  'tickets:write',
  /** Webhook receivers (and, later, API tokens): they see every event of the account, so owners only. */
  'integrations:manage',
] as const;

export const ZPermission = z.enum(permissions).meta({ id: 'Permission' });
export type TPermission = z.infer<typeof ZPermission>;

export const memberRoles = ['owner', 'billing', 'technical', 'readonly'] as const;
export const ZMemberRole = z.enum(memberRoles).meta({
  id: 'MemberRole',
  description:
    'owner: everything; billing: invoices, payments, bank data, invoice preferences; technical: products, documents, tickets; readonly: reads what the others may read',
});
export type TMemberRole = z.infer<typeof ZMemberRole>;

const reads: readonly TPermission[] = [
  'account:read',
  'invoices:read',
  'bank:read',
  'products:read',
  'documents:read',
  'tickets:read',
];

export const rolePermissions: Record<TMemberRole, readonly TPermission[]> = {
  owner: permissions,
  billing: ['account:read', 'invoices:read', 'invoices:pay', 'invoice-settings:write', 'bank:read', 'bank:write'],
  technical: ['account:read', 'products:read', 'documents:read', 'tickets:read', 'tickets:write'],
  readonly: reads,
};

export function roleAllows(role: TMemberRole, permission: TPermission): boolean {
  return rolePermissions[role].includes(permission);
}
