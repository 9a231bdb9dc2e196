/**
 * Closing the shared HTTP server while a client keeps its connection alive (as a platform
 * or a balancer does): the request in flight is answered, the connection ends after that
 * answer, and close() resolves once it has, so the store can be closed behind it without
 * a late request reaching a closed store.
 */
import { request, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { HttpServer } from '../../src/server/http-server.js';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function post(port: number, agent: Agent, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('closing the HTTP server', () => {
  let agent: Agent | undefined;
  afterEach(() => agent?.destroy());

  it('answers the request in flight, ends its kept-alive connection, and resolves after it', async () => {
    const http = new HttpServer(silentLogger);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    http.route('POST', '/quick', () => ({ status: 200, body: { ok: true } }));
    http.route('POST', '/slow', async () => {
      await gate;
      return { status: 200, body: { ok: true } };
    });
    const port = await http.listen(0, '127.0.0.1');
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // A first request opens the kept-alive connection.
    expect((await post(port, agent, '/quick')).connection).toBe('keep-alive');
    const first = post(port, agent, '/slow');
    await new Promise((r) => setTimeout(r, 100));
    let closed = false;
    const closing = http.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    // Still answering the request in flight.
    expect(closed).toBe(false);
    release();
    const answer = await first;
    expect(answer.status).toBe(200);
    expect(answer.connection).toBe('close');
    await closing;
    expect(closed).toBe(true);
    // Nothing listens any more: a new request finds no server.
    await expect(post(port, new Agent(), '/slow')).rejects.toThrow(/ECONNREFUSED/);
  });
});
