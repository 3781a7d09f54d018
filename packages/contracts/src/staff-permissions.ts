import { z } from 'zod';

/**
 * The provider's staff roles. Each grants a set of permissions; every staff route names the one it
 * needs in its contract (`staffPermission`), the API checks it centrally and the back office hides
 * what the role may not do.
 */
export const staffRoles = ['support', 'billing', 'admin'] as const;
export const ZStaffRole = z.enum(staffRoles).meta({ id: 'StaffRole' });
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const staffPermissions = [
  'tickets', // read, reply, internal notes, status, assign
  'customers.read', // find customers, read their profile, contracts, invoices, tickets
  'customers.write', // create, change, block customers
  'customers.vat_id', // mark a VAT ID verified (VIES)
  'cancellations', // review public declarations: link, reject, record
  'announcements',
  'contracts.read',
  'contracts.write', // book, change, end contracts
  'invoices', // issue, cancel, correct, record transfers
  'collections', // direct-debit runs, bank statements, unmatched entries, dunning overview and stop
  'staff', // staff users: invite, role, deactivate
  'audit', // read the audit log
] as const;
export const ZStaffPermission = z.enum(staffPermissions);
export type TStaffPermission = z.infer<typeof ZStaffPermission>;

/** The role table. `admin` may everything. */
export const staffRolePermissions: Record<TStaffRole, readonly TStaffPermission[]> = {
  support: ['tickets', 'customers.read', 'cancellations', 'announcements'],
  billing: ['invoices', 'collections', 'customers.read', 'customers.vat_id', 'contracts.read'],
  admin: staffPermissions,
};

export function staffRoleMay(role: TStaffRole | null | undefined, permission: TStaffPermission): boolean {
  return role ? staffRolePermissions[role].includes(permission) : false;
}
