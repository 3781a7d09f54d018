import type { TCustomerType } from '@portal/contracts';
import { createContext, type ReactNode, useContext } from 'react';

/**
 * The signed-in customer's type (from /me, provided by the signed-in frame): consumers see gross
 * prices (PAngV), businesses net plus VAT. Null while /me loads and for staff.
 */
const CustomerTypeContext = createContext<TCustomerType | null>(null);

export function CustomerTypeProvider({ value, children }: { value: TCustomerType | null; children: ReactNode }) {
  return <CustomerTypeContext.Provider value={value}>{children}</CustomerTypeContext.Provider>;
}

export function useCustomerType(): TCustomerType | null {
  return useContext(CustomerTypeContext);
}
