// Content words of a text for matching "the same thing": lower case, stop words out, light stemming,
// and a small table of synonyms so that troops = soldiers and killed = dead.
import { scanWords } from './words';
import { WordTable } from './word-table';

const STOP = new Set(
  (
    'a an the and or but nor of in on at to for from by with without within into onto over under about above below ' +
    'as than then that this these those there their they them he she it its his her him we our us you your i me my ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'not no so such very just only also too more most less least some any each every all both either neither other another ' +
    'which who whom whose what when where why how while after before since until during per via among amid ' +
    'said says say stated told according reportedly reported reports report estimates estimate estimated suggest suggests ' +
    'indicating indicated indicates one two three four five six seven eight nine ten up out off again further once here ' +
    'if because though although however yet still already even like'
  ).split(/\s+/),
);

/** Synonym classes: every word maps to the class's first word. */
const SYNONYMS: string[][] = [
  ['soldier', 'troop', 'personnel', 'serviceman', 'servicemen', 'fighter', 'combatant', 'force'],
  ['kill', 'dead', 'die', 'death', 'perish', 'fatality', 'slain', 'slay', 'lose life'],
  ['wound', 'injure', 'injury', 'injured', 'hurt'],
  ['casualty', 'casualties', 'loss'],
  ['deploy', 'send', 'sent', 'dispatch', 'station', 'join', 'arrive'],
  ['capture', 'prisoner', 'captive', 'seize'],
  ['missile', 'rocket'],
  ['drone', 'uav'],
  ['people', 'person', 'individual'],
  ['review', 'critic', 'reviewer'],
  ['view', 'hit', 'viewing'],
  ['employee', 'staff', 'worker', 'employ'],
  ['copy', 'unit'],
  ['say', 'state', 'tell', 'remark', 'declare', 'mention', 'note', 'add'],
  ['pact', 'treaty', 'agreement', 'accord'],
  ['sign', 'signed', 'conclude'],
  ['launch', 'fire'],
  ['attack', 'assault', 'strike', 'offensive'],
  ['incursion', 'invasion', 'counter-invasion', 'offensive'],
];

const SYNONYM_OF = new Map<string, string>();
for (const group of SYNONYMS) for (const w of group) if (!SYNONYM_OF.has(w)) SYNONYM_OF.set(w, group[0] as string);

const IRREGULAR = new Map<string, string>([
  ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['people', 'people'], ['died', 'die'], ['dying', 'die'],
  ['sent', 'send'], ['fought', 'fight'], ['fled', 'flee'], ['taken', 'take'], ['took', 'take'], ['began', 'begin'],
  ['lives', 'life'], ['wives', 'wife'], ['casualties', 'casualty'], ['injuries', 'injury'], ['losses', 'loss'],
  ['deaths', 'death'], ['killed', 'kill'], ['wounded', 'wound'], ['injured', 'injure'], ['dead', 'dead'],
]);

/** A light stemmer: enough to merge soldiers/soldier, deployed/deploy, attacks/attacking. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) {
    const base = w.slice(0, -2);
    if (base.endsWith('i')) return base.slice(0, -1) + 'y';
    return undouble(base.endsWith('e') ? base : restoreE(base));
  }
  if (w.endsWith('es') && /(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith("'s")) return w.slice(0, -1);
  if (w.endsWith("'s")) return w.slice(0, -2);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

// "deployed" -> "deploy", "injured" -> "injure", "captured" -> "capture".
function restoreE(base: string): string {
  return /(?:ur|at|iz|ir|bl|ag|uc|iv|ov|ar|ag|as|os|nc|rs|dg)$/.test(base) ? base + 'e' : base;
}

/** British spellings, read as American so that "theatres" = "theaters" and "defence" = "defense". */
const SPELLING = new Map<string, string>([
  ['defence', 'defense'], ['offence', 'offense'], ['licence', 'license'], ['labour', 'labor'], ['honour', 'honor'],
  ['favour', 'favor'], ['centre', 'center'], ['centres', 'centers'], ['theatre', 'theater'], ['theatres', 'theaters'],
  ['programme', 'program'], ['programmes', 'programs'], ['armour', 'armor'], ['harbour', 'harbor'], ['metre', 'meter'],
  ['metres', 'meters'], ['kilometre', 'kilometer'], ['kilometres', 'kilometers'], ['litre', 'liter'], ['litres', 'liters'],
  ['colour', 'color'], ['neighbour', 'neighbor'], ['neighbours', 'neighbors'], ['organisation', 'organization'],
  ['organisations', 'organizations'], ['tonne', 'ton'], ['tonnes', 'tons'], ['enrolment', 'enrollment'],
]);

// canonical() and contentTerms() are pure functions of a word and run for nearly every word indexed: memoise
// them. Bounded: a memo is dropped whole once it holds MEMO_LIMIT words (news vocabulary stays far below that).
const MEMO_LIMIT = 100_000;
const CANONICAL_MEMO = new Map<string, string>();

/** The canonical form of a word: its synonym class, else its stem's class, else its stem. */
export function canonical(word: string): string {
  let c = CANONICAL_MEMO.get(word);
  if (c === undefined) {
    if (CANONICAL_MEMO.size >= MEMO_LIMIT) CANONICAL_MEMO.clear();
    CANONICAL_MEMO.set(word, (c = canonicalUncached(word)));
  }
  return c;
}

function canonicalUncached(word: string): string {
  const lower = word.toLowerCase();
  const w = SPELLING.get(lower) ?? lower;
  const direct = SYNONYM_OF.get(w);
  if (direct !== undefined) return direct;
  const s = stem(w);
  return SYNONYM_OF.get(s) ?? s;
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** A matched word's term: its canonical form, or null for a stop word or a single letter. Kept by word (bounded). */
const TERMS = new WordTable<string | null>((word) => {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  return w.length < 2 || STOP.has(w) ? null : canonical(w);
}, MEMO_LIMIT);

/** Canonical content terms of a text, in order (duplicates kept). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const done = scanWords(text, 0, text.length, true, (start, end, hash) => {
    const t = TERMS.at(text, start, end, hash);
    if (t !== null) out.push(t);
  });
  return done ? out : contentTermsByRegex(text);
}

function contentTermsByRegex(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const t = TERMS.of(m[0]);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Share of a's distinct terms that b also has (0..1). */
export function termOverlap(a: readonly string[], b: readonly string[]): number {
  const as = new Set(a);
  if (as.size === 0) return 0;
  const bs = new Set(b);
  let n = 0;
  for (const t of as) if (bs.has(t)) n++;
  return n / as.size;
}
