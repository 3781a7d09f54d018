import { ZAdminCustomerCreate } from '@portal/contracts';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, InputField, RadioGroupInput } from '../../../components/ui/form';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm, withoutEmptyText } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { useCreateCustomer } from '../api/customers';
import { customerMessages } from '../customer-messages';

const createSchema = withoutEmptyText(ZAdminCustomerCreate);
const blank = { email: '', name: '', company: '', phone: '', vatId: '', customerType: 'business', language: 'de' };

/** Admins create a customer account in the customer's language; the welcome mail goes out in it. */
export function CreateCustomerForm() {
  const t = useMessages(customerMessages);
  const create = useCreateCustomer();
  const form = useContractForm(createSchema, { defaultValues: blank as never });
  return (
    <section aria-labelledby="create-customer-heading" className="card">
      <h2 id="create-customer-heading">{t.createHeading}</h2>
      <p className="muted">{t.createIntro}</p>
      {create.data && (
        <Alert tone="success">
          {t.created(create.data.customerNumber)}{' '}
          <Link to={paths.backofficeCustomer(create.data.id)}>{t.openCustomer}</Link>
        </Alert>
      )}
      <Form
        form={form}
        error={create.error}
        problems={{ conflict: t.emailTaken }}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: () => form.reset(blank as never),
            onError: (error) => applyServerErrors(form, error),
          })
        }
      >
        <div className="backoffice-fields">
          <InputField name="email" label={t.email} type="email" autoComplete="off" required />
          <InputField name="name" label={t.name} autoComplete="off" required />
          <InputField name="company" label={t.company} hint={t.companyHint} autoComplete="off" />
          <InputField name="phone" label={t.phone} type="tel" autoComplete="off" />
          <InputField name="vatId" label={t.vatId} autoComplete="off" />
        </div>
        <RadioGroupInput
          name="customerType"
          legend={t.customerType}
          options={[
            { value: 'business', label: t.type_business },
            { value: 'consumer', label: t.type_consumer },
          ]}
        />
        <RadioGroupInput
          name="language"
          legend={t.language}
          options={[
            { value: 'de', label: t.language_de, hint: t.languageHint },
            { value: 'en', label: t.language_en },
          ]}
        />
        <div className="form-actions">
          <Button type="submit" busy={create.isPending}>
            {t.create}
          </Button>
        </div>
      </Form>
    </section>
  );
}
