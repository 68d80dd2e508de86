/** Polls `probe` every 50 ms until it returns a truthy value; throws after `timeoutMs` with the last error. */
export async function pollUntil(probe: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      if (await probe()) return;
      last = null;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The source of `fn(root, arg)` as one self-contained function taking and returning JSON text. */
export function shadowCallSource(fn: (...args: never[]) => unknown): string {
  return `async function (root, argJson) { const out = await (${fn.toString()})(root, JSON.parse(argJson)); return JSON.stringify({ v: out === undefined ? null : out }); }`;
}
