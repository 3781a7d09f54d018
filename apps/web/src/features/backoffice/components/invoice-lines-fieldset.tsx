import type { ReactNode } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { InputField } from '../../../components/ui/form';
import { useMessages } from '../../../lib/i18n';
import { invoiceMessages } from '../invoice-messages';
import { emptyLine } from '../lib/invoice-form';

/**
 * The `lines` of an invoice or correction form: one fieldset per line (description, quantity,
 * unit, unit price in euros, and the tax field the caller gives), add and remove.
 */
export function InvoiceLinesFieldset({
  taxField,
  newLine,
}: {
  taxField: (index: number) => ReactNode;
  newLine: Record<string, string>;
}) {
  const t = useMessages(invoiceMessages);
  const { control } = useFormContext<{ lines: Array<typeof emptyLine> }>();
  const { fields, append, remove } = useFieldArray({ control, name: 'lines' });
  return (
    <fieldset className="invoice-lines">
      <legend>{t.linesHeading}</legend>
      {fields.map((field, index) => (
        <fieldset key={field.id} className="invoice-line">
          <legend>{t.line(index + 1)}</legend>
          <InputField name={`lines.${index}.description`} label={t.description} required maxLength={300} />
          <InputField name={`lines.${index}.quantity`} label={t.quantity} required inputMode="decimal" />
          <InputField name={`lines.${index}.unit`} label={t.unit} required maxLength={30} />
          <InputField name={`lines.${index}.unitPrice`} label={t.unitPrice} required inputMode="decimal" />
          {taxField(index)}
          {fields.length > 1 && (
            <Button variant="secondary" onClick={() => remove(index)}>
              {t.removeLine(index + 1)}
            </Button>
          )}
        </fieldset>
      ))}
      <div className="form-actions">
        <Button variant="secondary" onClick={() => append({ ...emptyLine, ...newLine })}>
          {t.addLine}
        </Button>
      </div>
    </fieldset>
  );
}
