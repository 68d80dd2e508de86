/** A request is foreign when it leaves the machine: anything but our 127.0.0.1 server and extension/internal URLs. */
export function isForeign(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return false;
  return u.hostname !== '127.0.0.1';
}
