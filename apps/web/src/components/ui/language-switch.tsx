import { LANGUAGES, type Language, useLanguage } from '../../lib/i18n';

const names = { de: 'Deutsch', en: 'English' } as const;

/**
 * Switches the portal language; the choice is remembered in this browser, and `onChange` lets a
 * signed-in frame save it to the account too.
 */
export function LanguageSwitch({ label, onChange }: { label: string; onChange?: (language: Language) => void }) {
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
          onClick={() => {
            if (option === language) return;
            setLanguage(option);
            onChange?.(option);
          }}
        >
          {names[option]}
        </button>
      ))}
    </fieldset>
  );
}
