// What the client does when the server process dies: restart it, a few times. A server that keeps crashing
// would otherwise restart forever and hide the problem; past the limit it stays down and says why.
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function restartPolicy(now: () => number = Date.now): ErrorHandler {
  let crashes: number[] = [];
  return {
    // A bad message is not a reason to stop: the server answers the next one.
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const t = now();
      crashes = [...crashes.filter((c) => t - c < RESTART_WINDOW_MS), t];
      if (crashes.length > MAX_RESTARTS) {
        // Not handled: the client logs the message and shows it as an error notification.
        const message = `Citecheck: the server stopped ${crashes.length} times in ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted; see the output, then reload the window.`;
        return { action: CloseAction.DoNotRestart, message };
      }
      // Handled: the client only writes it to the output; a restart needs no popup.
      return { action: CloseAction.Restart, message: `Citecheck: the server stopped unexpectedly; restarting it (${crashes.length} of ${MAX_RESTARTS}).`, handled: true };
    },
  };
}
