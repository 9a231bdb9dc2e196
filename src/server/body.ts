import type { IncomingMessage } from 'node:http';

/** A body read whole, or why it was not. */
export type BodyRead = { ok: true; body: Buffer } | { ok: false; why: 'too_large' | 'timeout' | 'aborted' };

/**
 * Reads a request's body as it arrives, up to `maxBytes`: past the limit it stops keeping
 * bytes at once (what follows is discarded, never buffered) and reports too_large; a body
 * not complete within `timeoutMs` reports timeout; a client gone reports aborted.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const done = (r: BodyRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      chunks.length = 0;
      if (r.ok) resolve(r);
      else {
        // Keep the stream flowing so what still arrives is dropped as it comes.
        req.resume();
        resolve(r);
      }
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) done({ ok: false, why: 'too_large' });
      else chunks.push(c);
    };
    const onEnd = () => {
      const body = Buffer.concat(chunks);
      done({ ok: true, body });
    };
    const onAbort = () => done({ ok: false, why: 'aborted' });
    const timer = setTimeout(() => done({ ok: false, why: 'timeout' }), timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
