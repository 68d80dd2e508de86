/** Firefox's part of `npm run bench:footprint` (filled in below). */
export interface FirefoxRow {
  page: string;
  variant: string;
  phase: 'cold' | 'warm';
  loadMs: number;
  loadDelayMs: number;
  badgeMs: number | null;
  ownLongestMs: number | null;
  ownSlices: number | null;
}

export async function firefoxFootprint(_o: { empty: string; pages: { file: string; kind: string }[]; rounds: number }): Promise<FirefoxRow[] | string> {
  return 'not measured yet';
}
