import { type ComponentProps, lazy, Suspense } from 'react';

// The dialog carries the form system (react-hook-form, the zod resolver): the invoice pages load it
// when a customer starts to pay, not with the list (ADR 0008).
const PaymentDialogModule = lazy(async () => ({ default: (await import('./payment-dialog')).PaymentDialog }));

export function LazyPaymentDialog(props: ComponentProps<typeof PaymentDialogModule>) {
  return (
    <Suspense fallback={null}>
      <PaymentDialogModule {...props} />
    </Suspense>
  );
}
