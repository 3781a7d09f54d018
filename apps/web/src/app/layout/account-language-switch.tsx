import { LanguageSwitch } from '../../components/ui/language-switch';
import { useSetMyLanguage } from '../../features/auth/api/set-my-language';

/** The language switch of the signed-in frames: the choice is saved to the user, so e-mails follow it. */
export function AccountLanguageSwitch({ label }: { label: string }) {
  const save = useSetMyLanguage();
  return <LanguageSwitch label={label} onChange={(language) => save.mutate(language)} />;
}
