import { deviceOf } from '@portal/contracts';

/** A short description of a user agent in English ("Firefox on Windows"), for API consumers. */
export function describeDevice(userAgent: string | null): string {
  const device = deviceOf(userAgent);
  if (!device) return 'Unknown device';
  return device.system ? `${device.client} on ${device.system}` : device.client;
}
