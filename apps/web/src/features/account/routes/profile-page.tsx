import { QueryState } from '../../../components/ui/states';
import { useMessages } from '../../../lib/i18n';
import { useProfile } from '../api/profile';
import { ProfileForm } from '../components/profile-form';
import { profileMessages } from '../profile-messages';

export function ProfilePage() {
  const t = useMessages(profileMessages);
  const profile = useProfile();
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t.heading}</h2>
      <QueryState query={profile}>{(data) => <ProfileForm profile={data} />}</QueryState>
    </section>
  );
}
