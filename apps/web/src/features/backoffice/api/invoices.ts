import {
  adminInvoiceRoutes,
  type BodyOf,
  collectionAdminRoutes,
  type QueryOf,
  type TAdminInvoiceListItem,
} from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, contractUrl } from '../../../lib/api-client';
import { useStaffList } from './use-staff-list';
import { useStaffMutation } from './use-staff-mutation';

type WithInvoice<B> = B & { invoiceId: string };

export const useStaffInvoices = (query: Omit<NonNullable<QueryOf<typeof adminInvoiceRoutes.list>>, 'cursor'>) =>
  useStaffList<typeof adminInvoiceRoutes.list, TAdminInvoiceListItem>(adminInvoiceRoutes.list, query, ['invoices']);

export const useStaffInvoice = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: ['backoffice', 'invoices', id],
      queryFn: ({ signal }) => apiRequest(adminInvoiceRoutes.get, { params: { id }, signal }),
    }),
  );

/** The archived PDF, shown by the browser (the session cookie authorizes the link). */
export const staffInvoicePdfUrl = (id: string) => contractUrl(adminInvoiceRoutes.pdf, { params: { id } });

export const useIssueInvoice = () =>
  useStaffMutation((body: BodyOf<typeof adminInvoiceRoutes.issue>) => apiRequest(adminInvoiceRoutes.issue, { body }));

export const useCorrectInvoice = () =>
  useStaffMutation(({ invoiceId, ...body }: WithInvoice<BodyOf<typeof adminInvoiceRoutes.correct>>) =>
    apiRequest(adminInvoiceRoutes.correct, { params: { id: invoiceId }, body }),
  );

export const useCancelInvoice = () =>
  useStaffMutation(({ invoiceId, ...body }: WithInvoice<BodyOf<typeof adminInvoiceRoutes.cancel>>) =>
    apiRequest(adminInvoiceRoutes.cancel, { params: { id: invoiceId }, body }),
  );

export const useStopDunning = () =>
  useStaffMutation(({ invoiceId, ...body }: WithInvoice<BodyOf<typeof collectionAdminRoutes.stopDunning>>) =>
    apiRequest(collectionAdminRoutes.stopDunning, { params: { id: invoiceId }, body }),
  );

export const useVerifyVatId = (customerId: string) =>
  useStaffMutation((body: BodyOf<typeof adminInvoiceRoutes.verifyVatId>) =>
    apiRequest(adminInvoiceRoutes.verifyVatId, { params: { id: customerId }, body }),
  );
