import type { TRetainedCategory } from '@portal/contracts';
import { useMessages } from '../../../lib/i18n';
import { retentionMessages } from '../retention-messages';

/** Each kind of record kept after deletion, for how long and why (the periods the purge job uses). */
export function RetainedRecords({ kept }: { kept: TRetainedCategory[] }) {
  const t = useMessages(retentionMessages);
  return (
    <section aria-labelledby="kept-heading">
      <h3 id="kept-heading">{t.keptHeading}</h3>
      <p>{t.keptIntro}</p>
      <ul className="kept-list">
        {kept.map((entry) => (
          <li key={entry.category}>
            <strong>{t.category(entry.category)}</strong>: {t.period(entry.amount, entry.unit, entry.from)}{' '}
            <span className="muted">({entry.basis})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
