/**
 * Serial numbers compare without outer spaces, runs of spaces or letter case: "ab 12" is "AB 12".
 * The same rule as normalizeSerial in @sipas/form (modes/entry/entry-record.ts), which the server
 * may not import (a Lit package); keep the two in step.
 */
export function normalizeSerial(serial: string): string {
  return serial.trim().replace(/\s+/g, ' ').toUpperCase();
}
