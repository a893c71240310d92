// One-line logging, and the guard every handler runs inside: a bad source or draft, or a bug, costs one line in
// the output and an empty answer, never the server.
import { MessageType, type Connection } from 'vscode-languageserver';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function connectionLog(connection: Connection): Log {
  const send = (type: MessageType, message: string): void => {
    try {
      void connection.sendNotification('window/logMessage', { type, message: oneLine(message) });
    } catch {
      // The connection is gone: nothing left to tell.
    }
  };
  return {
    info: (m) => send(MessageType.Info, m),
    warn: (m) => send(MessageType.Warning, m),
    error: (m) => send(MessageType.Error, m),
  };
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs a handler; on a thrown error or rejected promise logs `what failed: reason` and answers `fallback`. */
export function guard<P extends unknown[], R>(log: Log, what: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (err) {
      log.error(`${what} failed: ${errorText(err)}`);
      return fallback;
    }
  };
}
