/** A budget window instance: its id (part of store keys) and when its state may be dropped. */
export interface WindowSpan {
  id: string;
  /** Epoch ms: the window's end plus a day, so a finished window's spend can still be read. */
  expiresAt: number;
}

const DAY_MS = 86_400_000;

/** The UTC day or month containing `now`. */
export function budgetWindow(window: 'day' | 'month', now: number): WindowSpan {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (window === 'day') {
    const day = date.getUTCDate();
    return {
      id: `d${year}-${pad(month + 1)}-${pad(day)}`,
      expiresAt: Date.UTC(year, month, day + 1) + DAY_MS,
    };
  }
  return { id: `m${year}-${pad(month + 1)}`, expiresAt: Date.UTC(year, month + 1, 1) + DAY_MS };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
