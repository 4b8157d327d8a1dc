/** Today's date in China (Asia/Shanghai, UTC+8, no daylight saving), whatever the process time zone. */
export function chinaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 (PostgreSQL's text form `2026-11-23 12:02:37.459+00` → `2026-11-23T12:02:37.459Z`). */
export function toIso(instant: string): string;
export function toIso(instant: string | null): string | null;
export function toIso(instant: string | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}
