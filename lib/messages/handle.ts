import { countNotes, type CounterpointDb } from '../storage/db';
import { isInvalid, parseRequest, type ErrorReply, type ReplyMap } from './protocol';

/**
 * Answers one untrusted message. Pure apart from the database it is given, so it is unit-tested
 * without any extension API; the background entrypoint only wires it to `runtime.onMessage`.
 */
export async function handleMessage(
  db: CounterpointDb,
  message: unknown,
): Promise<ReplyMap[keyof ReplyMap] | ErrorReply> {
  const request = parseRequest(message);
  if (isInvalid(request)) return { ok: false, error: request.invalid };
  try {
    switch (request.type) {
      case 'ping':
        return { ok: true, noteCount: await countNotes(db) };
    }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
