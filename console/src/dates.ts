/** Dates as ДД.ММ.ГГГГ; instants in the region's time zone (the hub's clock zone, /app/config.json). */
export function formatDate(localDate: string | null | undefined): string {
  if (!localDate) return '';
  const [y, m, d] = localDate.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

export function formatInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}.${y}`;
}
