/** Every route path of the SPA, in one place; features link through these. */
export const paths = {
  login: '/login',
  overview: '/',
  products: '/products',
  product: (id: string) => `/products/${id}`,
  invoices: '/invoices',
  invoice: (id: string) => `/invoices/${id}`,
  contact: '/contact',
  ticket: (id: string) => `/contact/tickets/${id}`,
  account: '/account',
} as const;
