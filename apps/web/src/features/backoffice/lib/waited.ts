/** How long something has waited since `since`, in whole days and hours (queues show it as age). */
export function waited(since: string, now = Date.now()) {
  const hours = Math.max(0, Math.floor((now - Date.parse(since)) / 3_600_000));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
