/**
 * The HTTP side of a stop. Once it begins, every answer carries `Connection: close` (a keep-alive
 * client sending a report every 20 s otherwise kept the process serving as long as it liked),
 * idle connections are closed at once and again whenever one falls idle, and when the grace ends
 * every connection left is closed, a stalled upload's included.
 */
import { type Server, ServerResponse } from 'node:http';
import type { Http2Bindings, HttpBindings } from '@hono/node-server';

/** How often connections that fell idle during a stop are closed. */
const SWEEP_MS = 100;

type Env = HttpBindings | Http2Bindings;
type Fetch = (request: Request, env: Env) => Response | Promise<Response>;

export class ClosingConnections {
  private closing = false;

  /**
   * The app's fetch, marking each answer given once the stop has begun as its connection's last.
   * It is marked when the answer is ready, not when the request arrived, so a request already in
   * flight when the stop begins (an upload under way) is answered with `Connection: close` too.
   */
  wrap(fetch: Fetch): Fetch {
    const mark = (env: Env, response: Response) => {
      // Node then writes `Connection: close` and ends the socket after the answer.
      if (this.closing && env.outgoing instanceof ServerResponse) {
        env.outgoing.shouldKeepAlive = false;
      }
      return response;
    };
    return (request, env) => {
      const answer = fetch(request, env);
      return answer instanceof Promise
        ? answer.then((response) => mark(env, response))
        : mark(env, answer);
    };
  }

  /**
   * Stops accepting and closes connections as they fall idle; when `graceMs` have passed, closes
   * the rest. Resolves with the number of connections that had to be cut at the deadline.
   */
  close(server: Server, graceMs: number): Promise<number> {
    this.closing = true;
    return new Promise((resolve) => {
      let cut = 0;
      const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
      const deadline = setTimeout(() => {
        server.getConnections((_error, count) => {
          cut = count;
          server.closeAllConnections();
        });
      }, graceMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve(cut);
      });
      server.closeIdleConnections();
    });
  }
}
