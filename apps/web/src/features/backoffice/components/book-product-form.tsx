import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, SelectInput } from '../../../components/ui/form';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useBookProduct, useProductCatalog } from '../api/contracts';
import { contractMessages } from '../contract-messages';
import { ZBookProductForm } from '../lib/contract-form';
import { ContractTermsFields } from './contract-terms-fields';
import { CustomerPicker } from './customer-picker';

const bookSchema = withoutEmptyText(ZBookProductForm);
const blank = {
  customerId: '',
  sku: '',
  name: '',
  startDate: '',
  price: { amount: '', interval: 'monthly' },
  minimumTermMonths: '12',
  noticePeriodMonths: '3',
  renewalMonths: '12',
};

/**
 * Admins book a catalogue product for a customer with price and terms; the API issues the
 * contract documents at once and the customer finds the contract under Produkte.
 */
export function BookProductForm() {
  const t = useMessages(contractMessages);
  const book = useBookProduct();
  const catalog = useProductCatalog();
  const form = useContractForm(bookSchema, { defaultValues: blank as never });
  return (
    <section aria-labelledby="book-heading" className="card">
      <h2 id="book-heading">{t.bookHeading}</h2>
      {book.data && <Alert tone="success">{t.booked(book.data.contractNumber)}</Alert>}
      <Form
        form={form}
        error={book.error}
        problems={{ unprocessable: t.bookUnprocessable }}
        onSubmit={(body) =>
          book.mutate(body, {
            onSuccess: () => form.reset(blank as never),
            onError: (error) => applyServerErrors(form, error),
          })
        }
      >
        <CustomerPicker />
        <div className="backoffice-fields">
          <SelectInput name="sku" label={t.product} required>
            <option value="">{t.chooseProduct}</option>
            {(catalog.data?.items ?? []).map((item) => (
              <option key={item.id} value={item.sku}>
                {item.name} ({item.sku})
              </option>
            ))}
          </SelectInput>
          <InputField name="name" label={t.productName} hint={t.productNameHint} maxLength={200} />
          <InputField name="startDate" label={t.startDate} type="date" required />
        </div>
        <ContractTermsFields />
        <div className="form-actions">
          <Button type="submit" busy={book.isPending}>
            {t.book}
          </Button>
        </div>
      </Form>
    </section>
  );
}
