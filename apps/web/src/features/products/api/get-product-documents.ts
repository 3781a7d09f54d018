import { productsRoutes, type TContractDocument } from '@portal/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, downloadFile } from '../../../lib/api-client';
import { productsQueryKey } from './get-products';

export const productDocumentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...productsQueryKey, 'documents', id],
    queryFn: ({ signal }) => apiRequest(productsRoutes.documents, { params: { id }, signal }),
  });

export const useProductDocuments = (id: string) => useQuery(productDocumentsQueryOptions(id));

export const downloadProductDocument = (productId: string, document: TContractDocument) =>
  downloadFile(
    productsRoutes.downloadDocument,
    { params: { id: productId, documentId: document.id } },
    `${document.kind}-${document.version}.pdf`,
  );
