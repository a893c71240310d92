// A figure's scope: its rate or period ("daily", "in the past week", "opening weekend"), a total ("since they
// were deployed"), or a projection ("projected to gross").
import type { NumberMention, Sentence, Span } from '../types';

const SCOPES: [RegExp, string][] = [
  [/\b(?:opening|first|debut)\s+(?:week-?end|weekend)\b/i, 'opening weekend'],
  [/\b(?:opening|first)\s+day\b/i, 'opening day'],
  [/\b(?:daily|a day|per day|each day|every day|a-day)\b/i, 'day'],
  [/\b(?:weekly|a week|per week|each week|every week)\b/i, 'week'],
  [/\b(?:monthly|a month|per month|each month|every month)\b/i, 'month'],
  [/\b(?:annually|yearly|a year|per year|each year|every year|per annum)\b/i, 'year'],
  [/\b(?:in|within|over|during|for)\s+(?:just\s+|only\s+)?(?:the\s+)?(?:past|last|previous|preceding|first|recent)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+)?(hour|day|week|fortnight|month|year)s?\b/i, 'window'],
  [/\b(?:(?:the|its|their)\s+)?(?:last|past|previous)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(hour|day|week|month|year)s?\s+alone\b/i, 'window'],
  [/\b(?:in|within|over|during|after)\s+(?:its\s+|their\s+|the\s+first\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(hour|day|week|month|year)s?\b/i, 'window'],
  [/\bsince\s+(?:they|their|its|the)\b[^,.;]{0,40}?\b(?:deploy\w*|sent|arriv\w*|start|beginning|onset|outbreak|invasion|war)\b|\bso far\b|\bin total\b|\bto date\b|\baltogether\b|\bin all\b/i, 'total'],
];

// One pass that says whether any of the scope patterns (all case-insensitive and unanchored) occurs in a
// stretch: most stretches have none, and then the patterns need not be tried one by one.
const ANY_SCOPE = new RegExp(SCOPES.map(([re]) => `(?:${re.source})`).join('|'), 'i');
const ANY_WINDOW_OR_TOTAL = new RegExp(
  SCOPES.filter(([, key]) => key === 'window' || key === 'total').map(([re]) => `(?:${re.source})`).join('|'),
  'i',
);

/** Words every scope pattern contains one of (each pattern's literal part, matched case-insensitively as the patterns
 * are): a sentence with none of them has no scope to find, and most sentences with a figure have none. */
const SCOPE_WORDS = /day|dai|week|month|year|annum|annual|hour|fortnight|since|so far|total|to date|altogether|in all/i;

const PROJECTED = /\b(?:project(?:ed|s|ions?)?|expect(?:ed|s)?|forecast(?:s|ed)?|predict(?:ed|s|ions?)?|could(?: have)?|would(?: have)?|might|may have|aim(?:s|ed)? to|target(?:s|ed)?|plan(?:s|ned)? to|set to|on track to|estimated to)\b/i;

export function scopeOf(text: string, sentence: Sentence, clause: Span, n: NumberMention, own: Span): { scope: string; scopeText: string | null } {
  const base = scopeOfPeriod(text, sentence, clause, own);
  // A projection is another quantity than what happened: "projected grosses of $82 million" vs "made $66.3 million".
  const lead = text.slice(clause.start, n.start);
  const m = PROJECTED.exec(lead);
  if (m) return { scope: `projected ${base.scope}`, scopeText: m[0] };
  return base;
}

/** The figure's rate or period from the scope patterns, read only where the sentence has a word they need. */
export function scopeOfPeriod(text: string, sentence: Sentence, clause: Span, own: Span): { scope: string; scopeText: string | null } {
  // Every stretch the patterns read lies in the sentence and the figure's clause.
  if (!SCOPE_WORDS.test(text.slice(Math.min(sentence.start, clause.start), Math.max(sentence.end, clause.end)))) return { scope: 'total', scopeText: null };
  return scopeByPatterns(text, sentence, clause, own);
}

/** The scope the patterns find in the figure's stretches, without the pre-check (exported for its test). */
export function scopeByPatterns(text: string, sentence: Sentence, clause: Span, own: Span): { scope: string; scopeText: string | null } {
  // The figure's own stretch: its clause, but not past a neighbouring figure ("250 daily departures to 95 destinations").
  const stretches: [string, boolean][] = [
    [text.slice(Math.max(clause.start, own.start), Math.min(clause.end, own.end)), true],
    [text.slice(clause.start, clause.end), false],
    [text.slice(sentence.start, clause.start), false],
  ];
  for (const [stretch, ownStretch] of stretches) {
    if (!(ownStretch ? ANY_SCOPE : ANY_WINDOW_OR_TOTAL).test(stretch)) continue;
    for (const [re, key] of SCOPES) {
      // A rate ("daily") belongs to its own figure; a window ("in four weeks", "during the last month") to its clause or sentence.
      if (!ownStretch && key !== 'window' && key !== 'total') continue;
      const m = re.exec(stretch);
      if (!m) continue;
      if (key === 'window') {
        const unit = (m[2] ?? '').toLowerCase();
        const count = (m[1] ?? '').toLowerCase();
        return { scope: count ? `${count} ${unit}` : unit, scopeText: m[0] };
      }
      return { scope: key, scopeText: m[0] };
    }
  }
  return { scope: 'total', scopeText: null };
}
