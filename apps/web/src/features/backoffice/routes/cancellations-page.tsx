import { type TCancellationDeclaration, ZLinkDeclarationBody, ZRejectDeclarationBody } from '@portal/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Form, SelectInput, TextAreaInput } from '../../../components/ui/form';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyState } from '../../../components/ui/states';
import { paths } from '../../../config/paths';
import { applyServerErrors, useContractForm } from '../../../lib/form';
import { useMessages } from '../../../lib/i18n';
import { mutateThen } from '../../../lib/mutation';
import { useDeclarationsToReview, useLinkDeclaration, useRejectDeclaration } from '../api/cancellations';
import { useStaffCustomer } from '../api/customers';
import { StaffOnly } from '../components/staff-only';
import { waited } from '../lib/waited';
import { backofficeMessages } from '../messages';

/** Support: declarations from the public form waiting for a person, oldest first; link or reject. */
export function CancellationsPage() {
  const t = useMessages(backofficeMessages);
  const declarations = useDeclarationsToReview();
  // A decided declaration leaves the list; what happened stays said above it.
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <StaffOnly permission="cancellations">
      <PageHeader title={t.cancellationsTitle} description={t.cancellationsIntro} />
      {outcome && <Alert tone="success">{outcome}</Alert>}
      <PagedList query={declarations} empty={<EmptyState title={t.noDeclarations} />} loadMoreLabel={t.loadMore}>
        {(items: TCancellationDeclaration[]) =>
          items.map((declaration) => <Declaration key={declaration.id} declaration={declaration} onDone={setOutcome} />)
        }
      </PagedList>
    </StaffOnly>
  );
}

type Decided = { declaration: TCancellationDeclaration; onDone(outcome: string): void };

function Declaration({ declaration, onDone }: Decided) {
  const t = useMessages(backofficeMessages);
  const age = waited(declaration.receivedAt);
  const headingId = `declaration-${declaration.id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.declarationHeading(declaration.reference, declaration.name)}</h2>
      <p>
        {t[`declarationType_${declaration.type}`]} · {t.receivedAgo(age.days, age.hours)}
      </p>
      <p className="small">{t.declarationFacts(declaration.contract, declaration.email)}</p>
      {declaration.reason && <p className="pre-wrap small">{declaration.reason}</p>}
      <div className="backoffice-columns">
        {declaration.customerId ? (
          <LinkForm declaration={declaration} customerId={declaration.customerId} onDone={onDone} />
        ) : (
          <p>
            <Link to={paths.backofficeCustomers}>{t.unknownCustomer}</Link>
          </p>
        )}
        <RejectForm declaration={declaration} onDone={onDone} />
      </div>
    </section>
  );
}

function LinkForm({ declaration, customerId, onDone }: Decided & { customerId: string }) {
  const t = useMessages(backofficeMessages);
  const customer = useStaffCustomer(customerId);
  const link = useLinkDeclaration(declaration.id);
  const form = useContractForm(ZLinkDeclarationBody, { defaultValues: { productId: declaration.productId ?? '' } });
  return (
    <Form
      form={form}
      error={link.error ?? customer.error}
      onSubmit={(body) =>
        mutateThen(link, body, {
          onSuccess: () => onDone(t.linked),
          onError: (error) => applyServerErrors(form, error),
        })
      }
    >
      <SelectInput name="productId" label={t.linkTo} required>
        <option value="">{t.chooseContract}</option>
        {customer.data?.products.map((product) => (
          <option key={product.id} value={product.id}>
            {`${product.contractNumber} · ${product.name}`}
          </option>
        ))}
      </SelectInput>
      <div className="form-actions">
        <Button type="submit" busy={link.isPending}>
          {t.link}
        </Button>
      </div>
    </Form>
  );
}

function RejectForm({ declaration, onDone }: Decided) {
  const t = useMessages(backofficeMessages);
  const reject = useRejectDeclaration(declaration.id);
  const form = useContractForm(ZRejectDeclarationBody, { defaultValues: { reason: '' } });
  return (
    <Form
      form={form}
      error={reject.error}
      onSubmit={(body) =>
        mutateThen(reject, body, {
          onSuccess: () => onDone(t.rejected),
          onError: (error) => applyServerErrors(form, error),
        })
      }
    >
      <TextAreaInput name="reason" label={t.rejectReason} required maxLength={2000} rows={3} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" busy={reject.isPending}>
          {t.reject}
        </Button>
      </div>
    </Form>
  );
}
