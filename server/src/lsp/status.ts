// The citecheck/status notification for the client's status bar: indexing progress, then claim counts over
// the open drafts after each check. Progress is sent at most a few times a second.
import type { Connection } from 'vscode-languageserver';
import type { Drafts } from './drafts';
import type { Folders } from './folders';
import { StatusNotification, type StatusParams } from './protocol';

const PROGRESS_INTERVAL_MS = 250;

export class Status {
  private lastSent = 0;
  private lastKey = '';

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    private readonly drafts: Drafts,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  current(): StatusParams {
    const p = this.folders.progress();
    let claims = 0;
    let contradicted = 0;
    for (const d of this.drafts.all()) {
      if (!this.isOpen(d.uri)) continue;
      claims += d.claims.length;
      for (const c of d.claims) if (c.status === 'contradicted') contradicted++;
    }
    return { state: p.indexing ? 'indexing' : 'ready', indexed: p.indexed, total: p.total, claims, contradicted };
  }

  /** Sends the status if it changed; `progress` updates are throttled, the others always go out. */
  send(progress = false): void {
    const now = Date.now();
    if (progress && now - this.lastSent < PROGRESS_INTERVAL_MS) return;
    const s = this.current();
    const key = JSON.stringify(s);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.lastSent = now;
    void this.connection.sendNotification(StatusNotification.type, s).catch(() => undefined);
  }
}
