/**
 * The typed message protocol between content scripts / popup and the background.
 *
 * Everything that crosses the boundary is `unknown` until `parseRequest` says otherwise:
 * a content script runs next to a hostile page, so the background validates every message.
 */

/** Requests the background answers. Add new kinds here; `parseRequest` must learn each one. */
export type Request = { type: 'ping' };

/** Replies, keyed by request kind so a caller gets the right reply type. */
export interface ReplyMap {
  ping: { ok: true; noteCount: number };
}

export type ErrorReply = { ok: false; error: string };
export type Reply<T extends Request['type']> = ReplyMap[T] | ErrorReply;

const MAX_MESSAGE_KEYS = 16;

/** Narrows an untrusted value to a `Request`, or returns a human-readable reason. */
export function parseRequest(value: unknown): Request | { invalid: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: 'message is not an object' };
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_MESSAGE_KEYS) return { invalid: 'message has too many fields' };
  const type = (value as { type?: unknown }).type;
  switch (type) {
    case 'ping':
      return { type: 'ping' };
    default:
      return { invalid: `unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}` };
  }
}

export function isInvalid(r: Request | { invalid: string }): r is { invalid: string } {
  return 'invalid' in r;
}
