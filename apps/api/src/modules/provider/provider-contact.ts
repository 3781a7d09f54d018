import type { TProviderContact } from '@portal/contracts';
import type { ProviderIdentity } from '../../config';

/** The provider's public details as the contact page and the Impressum show them. */
export function providerContactOf(provider: ProviderIdentity): TProviderContact {
  return {
    name: provider.name,
    address: {
      street: provider.street,
      postalCode: provider.postalCode,
      city: provider.city,
      country: provider.country,
    },
    phone: provider.phone,
    email: provider.email,
    website: provider.website,
    supportHours: provider.supportHours,
    vatId: provider.vatId,
    register: provider.register,
    managingDirectors: provider.managingDirectors,
  };
}
