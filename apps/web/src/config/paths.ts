/** Every route path of the SPA, in one place; features link through these. */
export const paths = {
  login: '/login',
  overview: '/',
  products: '/products',
  product: (id: string) => `/products/${id}`,
  /** §312k BGB cancellation button: public, no sign-in in front of it. */
  publicCancellation: '/kuendigen',
  invoices: '/invoices',
  invoice: (id: string) => `/invoices/${id}`,
  contact: '/contact',
  ticket: (id: string) => `/contact/tickets/${id}`,
  account: '/account',
  accountProfile: '/account/profile',
  accountSecurity: '/account/security',
  /** The password page of before, now part of Sicherheit: old links still arrive. */
  accountPassword: '/account/password',
  accountBank: '/account/bank',
  accountInvoiceSettings: '/account/invoice-settings',
  accountSessions: '/account/sessions',
  accountExport: '/account/export',
  accountSecurityLog: '/account/security-log',
  accountApiAccess: '/account/api-access',
  accountTeam: '/account/team',
  accountDelete: '/account/delete',
  /** Impressum and privacy notice: public, linked from every page and every e-mail (the API builds the same URLs). */
  /** The provider's staff: a separate, lazily loaded section of the same app. */
  backoffice: '/backoffice',
  backofficeTicket: (id: string) => `/backoffice/tickets/${id}`,
  backofficeCancellations: '/backoffice/cancellations',
  backofficeCustomers: '/backoffice/customers',
  backofficeCustomer: (id: string) => `/backoffice/customers/${id}`,
  backofficeCollections: '/backoffice/collections',
  backofficeInvoices: '/backoffice/invoices',
  backofficeStaff: '/backoffice/staff',
  backofficeAudit: '/backoffice/audit',
  backofficeSecurity: '/backoffice/security',
  imprint: '/impressum',
  privacy: '/datenschutz',
  /** Public pages opened from e-mailed links (the API builds the same URLs). */
  resetPassword: '/reset-password',
  confirmEmail: '/confirm-email',
} as const;
