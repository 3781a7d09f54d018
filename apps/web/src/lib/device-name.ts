import { deviceOf } from '@portal/contracts';
import { useMessages } from './i18n';
import { securityEventMessages } from './security-event-messages';

/** "Chrome unter Linux" from a user agent, in the UI language; the raw string stays in a tooltip. */
export function useDeviceName() {
  const t = useMessages(securityEventMessages);
  return (userAgent: string | null) => {
    const device = deviceOf(userAgent);
    if (!device) return t.unknownDevice;
    return device.system ? t.deviceOn(device.client, device.system) : device.client;
  };
}
