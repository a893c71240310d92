// What an editor's re-read of a draft keeps between keystrokes: the claims of each paragraph, known by the
// paragraph's text and the texts of the few paragraphs before it that it may read.
import type { Mention, Sentence } from '../types';
import { SweptMemo } from '../sweep-memo';

/** A paragraph's claims. Offsets relative to the paragraph's start; sentence numbers relative to its first sentence. */
export interface ParagraphClaims {
  sentences: Sentence[];
  mentions: Mention[];
}

/** A paragraph's claims as placed in the draft at some offset and first sentence number. */
export interface Placed {
  at: number;
  base: number;
  sentences: Sentence[];
  mentions: Mention[];
}

export class ParagraphMemo {
  /** A number per paragraph text (with its original, where markup was blanked in the prose): the key of a paragraph
   * and its context is a few of these numbers, not the texts again, which would be hashed anew on every keystroke. */
  private readonly ids = new SweptMemo<number>();
  private nextId = 0;
  private readonly parts = new SweptMemo<ParagraphClaims>();
  /** Where each paragraph's claims were placed last: a paragraph the edit did not move reuses them as they are. */
  private readonly placed = new WeakMap<ParagraphClaims, Placed>();

  /** The number of this paragraph text. */
  idOf(prose: string, original: string): number {
    // The length prefix keeps a prose with its own original apart from any other pair.
    const key = prose === original ? `=${prose}` : `${prose.length}:${prose}${original}`;
    return this.ids.get(key, () => this.nextId++);
  }

  /** The claims read for this paragraph in this context (its number and its context paragraphs' numbers, in order). */
  claims(ids: readonly number[], read: () => ParagraphClaims): ParagraphClaims {
    return this.parts.get(ids.join(','), read);
  }

  /** The claims of `part` placed at `at` with first sentence `base`, made with `place` unless last placed there. */
  place(part: ParagraphClaims, at: number, base: number, place: () => Placed): Placed {
    const last = this.placed.get(part);
    if (last && last.at === at && last.base === base) return last;
    const p = place();
    this.placed.set(part, p);
    return p;
  }

  /** Forgets the paragraphs not read since the last sweep (text the writer has since deleted). */
  sweep(): void {
    this.ids.sweep();
    this.parts.sweep();
  }

  get size(): number {
    return this.parts.size;
  }
}
