import { adminInvoiceRoutes, type BodyOf, collectionAdminRoutes } from '@portal/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useStaffMutation } from './use-staff-mutation';

type WithInvoice<B> = B & { invoiceId: string };

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
