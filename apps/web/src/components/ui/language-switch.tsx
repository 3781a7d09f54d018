import { LANGUAGES, useLanguage } from '../../lib/i18n';

const names = { de: 'Deutsch', en: 'English' } as const;

/** Switches the portal language; the choice is remembered in this browser. */
export function LanguageSwitch({ label }: { label: string }) {
  const { language, setLanguage } = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="sr-only">{label}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={option === language ? 'active' : undefined}
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {names[option]}
        </button>
      ))}
    </fieldset>
  );
}
