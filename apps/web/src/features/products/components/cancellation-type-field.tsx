import type { TCancellationType } from '@portal/contracts';
import { useMessages } from '../../../lib/i18n';
import { cancellationMessages } from '../cancellation-messages';

/** Ordinary or extraordinary, as a labelled radio group (arrow keys move between the two). */
export function CancellationTypeField({
  value,
  onChange,
}: {
  value: TCancellationType;
  onChange: (value: TCancellationType) => void;
}) {
  const t = useMessages(cancellationMessages);
  const options: Array<[TCancellationType, string]> = [
    ['ordinary', t.typeOrdinary],
    ['extraordinary', t.typeExtraordinary],
  ];
  return (
    <fieldset className="field radio-group">
      <legend>{t.type}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="radio">
          <input type="radio" name="type" value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
