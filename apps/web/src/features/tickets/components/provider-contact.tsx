import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useProvider } from '../../../lib/provider';
import { ticketMessages } from '../messages';

/** The provider's address, phone and e-mail, from the API's configuration. */
export function ProviderContact() {
  const t = useMessages(ticketMessages);
  const provider = useProvider();
  return (
    <section aria-labelledby="provider-heading" className="card">
      <h2 id="provider-heading">{t.providerHeading}</h2>
      <QueryState query={provider}>
        {(data) => (
          <div className="provider-contact">
            <address>
              <strong>{data.name}</strong>
              <br />
              {data.address.street}
              <br />
              {data.address.postalCode} {data.address.city}
            </address>
            <dl>
              <dt>{t.phone}</dt>
              <dd>
                <a href={`tel:${data.phone.replace(/[^+\d]/g, '')}`}>{data.phone}</a>
              </dd>
              <dt>{t.email}</dt>
              <dd>
                <a href={`mailto:${data.email}`}>{data.email}</a>
              </dd>
              <dt>{t.supportHours}</dt>
              <dd>{data.supportHours}</dd>
            </dl>
          </div>
        )}
      </QueryState>
    </section>
  );
}
