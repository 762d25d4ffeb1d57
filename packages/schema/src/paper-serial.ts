/**
 * Paper form serial numbers compare without outer spaces, runs of spaces or letter case: "ab 12"
 * is "AB 12". One rule for the data-entry sheet, the collector and anything that stores serials.
 */
export function normalizeSerial(serial: string): string {
  return serial.trim().replace(/\s+/g, ' ').toUpperCase();
}
