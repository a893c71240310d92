// Who a quotation is credited to: "Kirby said, “...”", "“...,” Zelenskyy declared", "“...,” said Kirby",
// "according to X", "As X put it", "X: “...”", participles ("..., saying “...”"), and pronouns ("He
// mentioned, “...”") resolved to the person most recently named. Titles and roles are stripped
// ("Ukrainian President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy").
import type { Span } from '../types';
import { sentenceAt } from '../text/sentences';

// ---------------------------------------------------------------------------------------------
// Word lists

const FINITE_VERBS = [
  'said', 'says', 'stated', 'states', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'remarked', 'remarks',
  'declared', 'declares', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 'mentioned', 'mentions',
  'explained', 'explains', 'wrote', 'writes', 'warned', 'warns', 'insisted', 'insists', 'indicated', 'indicates',
  'described', 'describes', 'acknowledged', 'acknowledges', 'confirmed', 'confirms', 'continued', 'replied',
  'asked', 'argued', 'argues', 'claimed', 'claims', 'announced', 'announces', 'tweeted', 'posted', 'recalled',
  'concluded', 'admitted', 'admits', 'observed', 'suggested', 'highlighted', 'stressed', 'stresses', 'cautioned',
  'predicted', 'conceded', 'revealed', 'urged', 'called', 'dubbed', 'termed', 'commented', 'responded',
  'testified', 'vowed', 'pledged', 'lamented', 'countered', 'reiterated', 'affirmed', 'asserted', 'alleged',
  'maintained', 'disclosed', 'pointed out', 'points out', 'put it', 'puts it', 'shouted', 'whispered', 'answered',
  'explained', 'recounted', 'insisted', 'boasted', 'quipped', 'conceded', 'added',
];
const PARTICIPLES = [
  'saying', 'stating', 'pointing out', 'noting', 'adding', 'explaining', 'warning', 'insisting', 'telling',
  'declaring', 'emphasizing', 'emphasising', 'remarking', 'mentioning', 'arguing', 'claiming', 'calling',
  'describing', 'writing', 'acknowledging', 'confirming', 'indicating', 'stressing', 'asserting', 'observing',
  'recalling', 'admitting', 'announcing', 'cautioning', 'replying', 'reiterating', 'vowing', 'urging',
];
const ADVERBS =
  'also|later|then|further|previously|again|once|recently|separately|reportedly|publicly|earlier|bluntly|simply|' +
  'repeatedly|has|had|have|had also|has also|would|will|often|frequently|famously|once|flatly|angrily|only|subsequently';

/** Words in front of a name that are titles, roles, nationalities or sentence glue, not the name. */
const STRIP = new Set(
  (
    'president vice prime minister foreign defence defense secretary general gen gen. lt lt. col col. colonel admiral ' +
    'adm adm. major maj maj. captain capt capt. sgt sgt. sergeant commander cmdr cmdr. chief mr mr. mrs mrs. ms ms. ' +
    'miss dr dr. prof prof. professor sen sen. senator rep rep. representative gov gov. governor mayor ambassador ' +
    'deputy director chancellor king queen prince princess pope sir dame lord lady judge justice spokesperson ' +
    'spokesman spokeswoman retired former acting interim speaker leader chairman chairwoman chair ceo u.s. us ' +
    'u.s u.k. uk un u.n. eu e.u. navy army air force marine state intelligence national security council adviser ' +
    'advisor press white house officer official analyst supreme commander-in-chief head senior top ' +
    'ukrainian russian american british chinese korean north south east west japanese french german israeli ' +
    'iranian indian pakistani turkish polish italian spanish canadian australian european belarusian syrian ' +
    'palestinian saudi egyptian taiwanese swedish finnish dutch hungarian romanian czech estonian latvian ' +
    'lithuanian mexican brazilian afghan iraqi lebanese qatari emirati nato ' +
    'the a an while but and meanwhile however in on at as according when after before since this that these those ' +
    'it its both despite although though yet so also then just for of to by with if recent many some analysts ' +
    'undoubtedly overall beyond during ukraine\'s russia\'s'
  ).split(/\s+/),
);

/** Words that mark a capitalised run as a place, group, organisation or date rather than a person. */
const NON_PERSON = new Set(
  (
    'korea korean korea\'s russia russia\'s ukraine ukraine\'s council agency service ministry department office ' +
    'kremlin pentagon house security national intelligence forces army navy news times post union states nations ' +
    'region republic committee organization organisation institute university group party government parliament ' +
    'congress senate monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december christmas easter moscow kyiv kiev washington seoul pyongyang ' +
    'kursk beijing london europe asia america africa nato gur war app daily market mint updates events breaking ' +
    'business live administration military china japan iran israel gaza city county street ministry television ' +
    'radio press agency reuters associated ap bbc cnn officials experts authorities sources reports critics ' +
    'residents witnesses police troops soldiers officers lawmakers politicians leaders observers diplomats analysts ' +
    'commanders officers people russians ukrainians americans koreans'
  ).split(/\s+/),
);

const ROLES =
  'spokesperson|spokesman|spokeswoman|president|minister|secretary|general|admiral|colonel|commander|chief|' +
  'director|ambassador|governor|senator|analyst|official|professor|adviser|advisor|leader|head|officer|envoy';

// ---------------------------------------------------------------------------------------------
// Patterns

const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const NAMESEQ = String.raw`${CAP}(?:[ \t]+(?:(?:de|da|van|von|der|al|bin|el|la|le|di)[ \t]+)?${CAP}){0,6}`;
const PRONOUN = String.raw`[Hh]e|[Ss]he|[Tt]hey`;
const verbAlt = (words: string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, String.raw`\s+`)).join('|');
const VERBS = verbAlt(FINITE_VERBS);
const APPOSITIVE = String.raw`(?:\s*,[^,“”"\n]{1,120},)?`;
const ADVS = String.raw`(?:(?:${ADVERBS})\s+)*`;

/** "“...,” Zelenskyy declared", "“...,” he stated", "“...” — Kirby said". */
const AFTER_SUBJ_VERB = new RegExp(
  String.raw`^\s*[,;]?\s*(?:[—–]|--?)?\s*(?:(${NAMESEQ})|\b(${PRONOUN})\b)${APPOSITIVE}\s+${ADVS}(?:${VERBS})\b`,
  'u',
);
/** "“...,” said Kirby", "“...,” said spokesperson John Kirby". */
const AFTER_VERB_SUBJ = new RegExp(
  String.raw`^\s*[,;]?\s*(?:${VERBS})\s+(?:(?:the|a)\s+)?(?:(?:${ROLES})\s+)*(?:(${NAMESEQ})|\b(${PRONOUN})\b)`,
  'u',
);
/** "“...” — Kirby". */
const AFTER_DASH = new RegExp(String.raw`^\s*[,;]?\s*(?:[—–]|--?)\s*(${NAMESEQ})`, 'u');
/** "Kirby: “...”". */
const BEFORE_COLON = new RegExp(String.raw`(${NAMESEQ})\s*:\s*$`, 'u');
/** "according to X", "As X put it", "in the words of X". */
const ACCORDING = new RegExp(
  String.raw`\b(?:[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\s+(?:(?:the|a)\s+)?(?:(?:${ROLES})\s+)*(${NAMESEQ})`,
  'u',
);
const AS_PUT = new RegExp(String.raw`\b[Aa]s\s+(?:(?:${ROLES})\s+)*(${NAMESEQ}|${PRONOUN})\s+(?:${ADVS})(?:put|puts)\s+it\b`, 'u');
const FINITE_SET = new Set(FINITE_VERBS);
const PARTICIPLE_SET = new Set(PARTICIPLES);
/** Lower-case words, with a following "out" or "it" ("pointed out", "put it"). */
const LOWER_WORD = /(?<![\p{L}\p{M}'’-])\p{Ll}+(?:\s+(?:out|it)\b)?/gu;

interface SpeechVerb {
  index: number;
  end: number;
  participle: boolean;
}

/** The last speech verb or participle in s at or after `from` (word lookups, no big alternation). */
function lastSpeech(s: string, from: number): SpeechVerb | null {
  let last: SpeechVerb | null = null;
  LOWER_WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = LOWER_WORD.exec(s)) !== null) {
    let w = m[0];
    if (w.includes(' ') || w.includes('\t') || w.includes('\n')) {
      const joined = w.replace(/\s+/g, ' ');
      if (FINITE_SET.has(joined) || PARTICIPLE_SET.has(joined)) w = joined;
      else {
        // Only the first word counts; the next one ("out", "it") is read again.
        w = w.slice(0, w.search(/\s/));
        LOWER_WORD.lastIndex = m.index + w.length;
      }
    }
    if (PARTICIPLE_SET.has(w)) last = { index: m.index, end: m.index + w.length, participle: true };
    else if (FINITE_SET.has(w)) last = { index: m.index, end: m.index + w.length, participle: false };
  }
  return last;
}
/** The subject just before a verb: "Kirby", "John Kirby, spokesperson for the NSC,", "he". */
const SUBJECT_END = new RegExp(String.raw`(?:(${NAMESEQ})|\b(${PRONOUN}))${APPOSITIVE}\s+${ADVS}$`, 'u');
/** "John Kirby, spokesperson for the NSC, who indicated". */
const SUBJECT_WHO = new RegExp(String.raw`(${NAMESEQ})(?:\s*,[^,“”"\n]{1,120})?,\s*who\s+${ADVS}$`, 'u');
const NAMES = new RegExp(String.raw`(${NAMESEQ})|\b(${PRONOUN})\b`, 'gu');
const FOLLOWED_BY_SPEECH = new RegExp(String.raw`^${APPOSITIVE}\s+${ADVS}(?:${VERBS})\b`, 'u');
const FOLLOWED_BY_ROLE = new RegExp(String.raw`^\s*,\s*(?:the\s+|a\s+)?(?:[\p{L}]+\s+)?(?:${ROLES}|who)\b`, 'u');

// ---------------------------------------------------------------------------------------------
// Names

interface CleanName {
  name: string;
  /** A title or role was stripped in front of it ("President", "spokesperson"). */
  titled: boolean;
}

/** Strips titles, nationalities, sentence glue and possessives from a capitalised run. */
function cleanName(raw: string): CleanName | null {
  const words = raw.split(/\s+/).filter((w) => w !== '');
  let i = 0;
  let titled = false;
  while (i < words.length - 1 && STRIP.has((words[i] as string).toLowerCase())) {
    titled = true;
    i++;
  }
  const kept = words.slice(i).map((w) => w.replace(/['’]s$/, '').replace(/['’]$/, ''));
  // A full stop that ends the sentence, not an initial ("Kirby." but "John F. Kennedy", "U.S.").
  const last = kept.length - 1;
  if (last >= 0) {
    const w = kept[last] as string;
    if (w.length > 2 && w.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(w)) kept[last] = w.slice(0, -1);
  }
  if (kept.length === 1 && STRIP.has((kept[0] as string).toLowerCase())) return null;
  const name = kept.join(' ').trim();
  if (name === '' || !/\p{Lu}/u.test(name)) return null;
  return { name, titled };
}

function isNonPerson(name: string): boolean {
  for (const w of name.toLowerCase().split(/\s+/)) if (NON_PERSON.has(w)) return true;
  return false;
}

const PRONOUN_ONLY = /^(?:he|she|they)$/i;

/** A cleaned subject name, or null when the run names a place, group, nothing, or is a pronoun. */
function subjectName(raw: string): string | null {
  if (PRONOUN_ONLY.test(raw)) return null;
  const c = cleanName(raw);
  if (c === null || isNonPerson(c.name)) return null;
  return c.name;
}

/** The person most recently named before `offset`: in its sentence, then up to 3 sentences back. */
export function resolvePronoun(text: string, sentences: readonly Span[], sentence: number, offset: number): string | null {
  for (let k = sentence; k >= 0 && k >= sentence - 3; k--) {
    const s = sentences[k];
    if (s === undefined) continue;
    const from = s.start;
    const to = k === sentence ? Math.min(offset, s.end) : s.end;
    if (to <= from) continue;
    const found = lastPersonIn(text, from, to);
    if (found !== null) return found;
  }
  return null;
}

function lastPersonIn(text: string, from: number, to: number): string | null {
  const region = text.slice(from, to);
  let best: string | null = null;
  NAMES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMES.exec(region)) !== null) {
    if (m[1] === undefined) continue;
    const c = cleanName(m[1]);
    if (c === null || isNonPerson(c.name)) continue;
    const rest = region.slice(m.index + m[0].length, m.index + m[0].length + 160);
    const multi = c.name.includes(' ');
    if (c.titled || multi || FOLLOWED_BY_SPEECH.test(rest) || FOLLOWED_BY_ROLE.test(rest)) best = c.name;
  }
  return best;
}

/** The first person-like subject of a clause (for participles: "Kirby ..., saying “...”"). */
function firstSubject(
  text: string, sentences: readonly Span[], sentence: number, clauseStart: number, clauseEnd: number,
): string | null {
  const region = text.slice(clauseStart, clauseEnd);
  NAMES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAMES.exec(region)) !== null) {
    if (m[2] !== undefined || PRONOUN_ONLY.test(m[1] as string)) {
      return resolvePronoun(text, sentences, sentence, clauseStart + m.index);
    }
    const name = subjectName(m[1] as string);
    if (name !== null) return name;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Attribution

const GAP_OK_END = /(?:\bthat|\bas(?:\s+(?:an?|the))?|[,:])\s*$/;

/** Who `text` credits the quotation at [quote.start, quote.end) to, or null. The quotation's sentence
 * is sentences[quote.sentence]; the words after it are read to the end of the sentence holding its end. */
export function speakerOf(
  text: string,
  sentences: readonly Span[],
  quote: { start: number; end: number; sentence: number },
): string | null {
  const s = sentences[quote.sentence];
  const sStart = s !== undefined && s.start <= quote.start ? s.start : lineStart(text, quote.start);
  let endSentence = sentenceAt(sentences, Math.max(quote.start, quote.end - 1));
  if (endSentence < 0) endSentence = quote.sentence;
  const e = sentences[endSentence];
  const aEnd = e !== undefined && e.end > quote.end ? Math.min(e.end, quote.end + 240) : quote.end;
  const after = text.slice(quote.end, aEnd);
  const beforeStart = Math.max(sStart, quote.start - 400);
  const before = text.slice(beforeStart, quote.start);
  const sent = endSentence >= 0 ? endSentence : quote.sentence;

  const fromName = (raw: string | undefined, pron: string | undefined, at: number, sIdx: number): string | null => {
    if (raw !== undefined && !PRONOUN_ONLY.test(raw)) return subjectName(raw);
    if (raw !== undefined || pron !== undefined) return resolvePronoun(text, sentences, sIdx, at);
    return null;
  };

  // 1. After the quotation: "“...,” Kirby said", "“...,” said Kirby", "“...” — Kirby".
  if (after.trim() !== '') {
    let m = AFTER_SUBJ_VERB.exec(after);
    if (m !== null) {
      const who = fromName(m[1], m[2], quote.start, sent);
      if (who !== null) return who;
    }
    m = AFTER_VERB_SUBJ.exec(after);
    if (m !== null) {
      const who = fromName(m[1], m[2], quote.start, sent);
      if (who !== null) return who;
    }
    m = AFTER_DASH.exec(after);
    if (m !== null && m[1] !== undefined) {
      const who = subjectName(m[1]);
      if (who !== null) return who;
    }
  }

  // 2. "Kirby: “...”".
  // Only as the start of the sentence or line: "Kirby wrote on X: “...”" is not X speaking.
  const colon = /:\s*$/.test(before) ? BEFORE_COLON.exec(before) : null;
  if (colon !== null && colon[1] !== undefined && /(?:^|[\n\r])[ \t>*_-]*$/.test(before.slice(0, colon.index))) {
    const who = subjectName(colon[1]);
    if (who !== null) return who;
  }

  // 3. A speech verb or participle just before the quotation: "Kirby stated, “", "..., saying they “".
  // The verb sits at most 8 words before the quotation: read only the end of the text before it.
  const last = lastSpeech(before, Math.max(0, before.length - 120));
  if (last !== null) {
    const gap = before.slice(last.end);
    const gapWords = gap.split(/[\s,:;]+/).filter((w) => w !== '').length;
    const gapOk = !/[“”"‘.!?]/.test(gap) && (gapWords <= 3 || (gapWords <= 8 && GAP_OK_END.test(gap)));
    if (gapOk) {
      const head = before.slice(0, last.index);
      const headAt = beforeStart;
      if (last.participle) {
        // A participle: the clause's subject speaks.
        const who = firstSubject(text, sentences, quote.sentence, headAt, headAt + head.length);
        if (who !== null) return who;
      } else {
        const who = subjectBefore(text, sentences, quote.sentence, head, headAt);
        if (who !== null) return who;
      }
    }
  }

  // 4. "according to X", "As X put it", anywhere in the sentence.
  const sentenceText = before + text.slice(quote.start, quote.end) + after;
  const acc = /ccording to|words of/.test(sentenceText) ? ACCORDING.exec(sentenceText) : null;
  if (acc !== null && acc[1] !== undefined) {
    const who = subjectName(acc[1]);
    if (who !== null) return who;
  }
  const asPut = /\bputs? it\b/.test(sentenceText) ? AS_PUT.exec(sentenceText) : null;
  if (asPut !== null && asPut[1] !== undefined) {
    const raw = asPut[1];
    if (/^(?:[Hh]e|[Ss]he|[Tt]hey)$/.test(raw)) return resolvePronoun(text, sentences, quote.sentence, quote.start);
    const who = subjectName(raw);
    if (who !== null) return who;
  }
  return null;
}

function subjectBefore(
  text: string, sentences: readonly Span[], sentence: number, head: string, headAt: number,
): string | null {
  const tail = head.slice(-240);
  const tailAt = headAt + head.length - tail.length;
  const who = /,\s*who\s+\S*\s*$/.test(tail) || /\bwho\s/.test(tail.slice(-40)) ? SUBJECT_WHO.exec(tail) : null;
  if (who !== null && who[1] !== undefined) {
    const name = subjectName(who[1]);
    if (name !== null) return name;
  }
  const m = SUBJECT_END.exec(tail);
  if (m !== null) {
    if (m[2] !== undefined || PRONOUN_ONLY.test(m[1] ?? '')) return resolvePronoun(text, sentences, sentence, tailAt + m.index);
    if (m[1] !== undefined) {
      const name = subjectName(m[1]);
      if (name !== null) return name;
    }
  }
  return null;
}

function lineStart(text: string, offset: number): number {
  const i = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return i + 1;
}

/** The speaker of a block quotation's lead-in line ("Kirby said:", "As John Kirby put it:"), or null. */
export function speakerFromLeadIn(line: string): string | null {
  const t = line.trim();
  if (!/:\s*$/.test(t)) return null;
  const body = t.replace(/:\s*$/, '');
  const acc = ACCORDING.exec(body);
  if (acc !== null && acc[1] !== undefined) return subjectName(acc[1]);
  const asPut = AS_PUT.exec(body);
  if (asPut !== null && asPut[1] !== undefined) return subjectName(asPut[1]);
  const last = lastSpeech(body, 0);
  if (last !== null) {
    const gap = body.slice(last.end);
    const gapWords = gap.split(/[\s,:;]+/).filter((w) => w !== '').length;
    if (gapWords <= 4) {
      const head = body.slice(0, last.index);
      const m = SUBJECT_END.exec(head);
      if (m !== null && m[1] !== undefined) return subjectName(m[1]);
    }
  }
  // "Kirby:" alone.
  const only = new RegExp(String.raw`^(${NAMESEQ})$`, 'u').exec(body);
  if (only !== null && only[1] !== undefined) return subjectName(only[1]);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Comparing speakers

function nameWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .normalize('NFC')
    .replace(/[’`]/g, "'")
    .split(/[\s-]+/)
    .map((w) => w.replace(/'s$/, '').replace(/'$/, '').replace(/\.$/, ''))
    .filter((w) => w !== '');
  let i = 0;
  while (i < words.length - 1 && (STRIP.has(words[i] as string) || STRIP.has((words[i] as string) + '.'))) i++;
  return words.slice(i);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function sameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 6 && b.length >= 6 && editDistanceAtMostOne(a, b);
}

/** Do two speaker names name the same person? Surnames compared case-insensitively, with possessives
 * and titles ignored ("Kirby" = "John Kirby" = "Kirby's"); transliterations one edit apart match on
 * surnames of 6 letters or more ("Zelenskyy" = "Zelensky"). Different given names differ ("Joe Biden" ≠
 * "Hunter Biden"). */
export function sameSpeaker(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const xl = x[x.length - 1] as string;
  const yl = y[y.length - 1] as string;
  if (x.length === 1 || y.length === 1) {
    const single = x.length === 1 ? xl : yl;
    const full = x.length === 1 ? y : x;
    if (sameSurname(single, full[full.length - 1] as string)) return true;
    // Family name first (Kim Jong Un): the single word may be the first.
    return full.length >= 3 && single === full[0];
  }
  if (!sameSurname(xl, yl)) return false;
  const xf = x[0] as string;
  const yf = y[0] as string;
  if (xf === yf) return true;
  // Initials: "J. Kirby" = "John Kirby".
  return (xf.length === 1 || yf.length === 1) && xf[0] === yf[0];
}
