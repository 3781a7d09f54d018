import { deviceOf } from '@portal/contracts';
import { useMessages } from '../../../lib/i18n';
import { accountMessages } from '../messages';

/** "Chrome unter Linux" from a user agent, in the UI language; the raw string stays in a tooltip. */
export function useDeviceName() {
  const t = useMessages(accountMessages);
  return (userAgent: string | null) => {
    const device = deviceOf(userAgent);
    if (!device) return t.unknownDevice;
    return device.system ? t.deviceOn(device.client, device.system) : device.client;
  };
}
