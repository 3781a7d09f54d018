import { RadioGroupInput } from '../../../components/ui/form';
import { useMessages } from '../../../lib/i18n';
import { cancellationMessages } from '../cancellation-messages';

/** Ordinary or extraordinary, as a labelled radio group of the form around it (field `type`). */
export function CancellationTypeField() {
  const t = useMessages(cancellationMessages);
  return (
    <RadioGroupInput
      name="type"
      legend={t.type}
      options={[
        { value: 'ordinary', label: t.typeOrdinary },
        { value: 'extraordinary', label: t.typeExtraordinary },
      ]}
    />
  );
}
