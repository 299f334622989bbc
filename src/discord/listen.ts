// Listening on PORT, for the interactions endpoint and the REST proxy: a port the process cannot have is
// an operator's mistake, said in one line naming the variable, never a stack or a misleading "could not
// connect to Discord".
import type { Server } from 'node:http';

export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Starts `server` on host:port; a port that is taken or forbidden rejects with a ListenError. */
export function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(describeListenFailure(error, port, host) ?? error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function describeListenFailure(error: NodeJS.ErrnoException, port: number, host: string): ListenError | undefined {
  const where = `PORT ${port} on ${host}`;
  if (error.code === 'EADDRINUSE') return new ListenError(`${where} is already in use by another process: stop that process, or set PORT to a free port.`, error.code);
  if (error.code === 'EACCES') return new ListenError(`${where} needs privileges this process does not have: set PORT to 1024 or above.`, error.code);
  if (error.code === 'EADDRNOTAVAIL') return new ListenError(`${where} cannot be used: ${host} is not an address of this machine (see HOST).`, error.code);
  return undefined;
}
