// A figure's value written for people, for reasons and reports: "11,000", "10,000–12,000", "$3.5 billion".
import type { NumberMention } from '../types';
import { clean } from './number-values';

const SIGN_OF_UNIT: Record<string, string> = {
  USD: '$', GBP: '£', EUR: '€', JPY: '¥', INR: 'Rs ', AUD: 'A$', CAD: 'C$', NZD: 'NZ$', HKD: 'HK$', SGD: 'S$',
};
const FRACTION_WORDS: [number, string][] = [
  [0.5, 'half'], [1 / 3, 'a third'], [2 / 3, 'two-thirds'], [0.25, 'a quarter'], [0.75, 'three-quarters'],
  [0.2, 'a fifth'], [0.1, 'a tenth'],
];

function groupDigits(x: number): string {
  const neg = x < 0;
  const s = String(clean(Math.abs(x)));
  if (/e/i.test(s)) return s;
  const [i = '', f] = s.split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + (f !== undefined ? `${g}.${f}` : g);
}

function plain(x: number, money: boolean, indian: boolean): string {
  const a = Math.abs(x);
  if (indian && a >= 1e7) return `${clean(x / 1e7)} crore`;
  if (indian && a >= 1e5) return `${clean(x / 1e5)} lakh`;
  const big: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  for (const [s, w] of big) {
    // "$98.95 million", but "$26,418,667" rather than "$26.418667 million"
    if (a >= s) return Number.isInteger(clean(x / s) * 1000) ? `${groupDigits(x / s)} ${w}` : groupDigits(x);
  }
  void money;
  return groupDigits(x);
}

/** The value as a person reads it: "11,000", "10,000–12,000", "12%", "$3.5 billion", "tens of thousands". */
export function formatValue(n: NumberMention): string {
  if (n.vague) return n.text.slice(n.valueStart - n.start).trim();
  if (n.yearLike) return n.isRange ? `${n.low}–${n.high}` : String(n.low);
  if (n.fraction) {
    const f = FRACTION_WORDS.find(([v]) => Math.abs(v - n.low) < 1e-9);
    return f ? f[1] : groupDigits(n.low);
  }
  const unit = n.unit;
  const sign = unit !== null ? SIGN_OF_UNIT[unit] : undefined;
  const money = sign !== undefined || (unit !== null && unit !== 'percent' && unit !== 'percentage-point');
  const indian = unit === 'INR';
  const one = (x: number): string => {
    const body = plain(x, money, indian);
    if (unit === 'percent') return `${body}%`;
    if (unit === 'percentage-point') return `${body} percentage points`;
    if (unit !== null && unit.startsWith('out-of-')) return `${body}/${unit.slice(7)}`;
    if (sign !== undefined) return `${sign}${body}`;
    if (unit !== null) return `${body} ${unit}`;
    return body;
  };
  if (n.isRange) {
    if (unit === 'percent') return `${plain(n.low, false, false)}–${plain(n.high, false, false)}%`;
    // "10–12 million": one scale word for both ends
    const a = plain(n.low, money, indian).split(' ');
    const b = one(n.high);
    if (a.length === 2 && b.endsWith(` ${a[1]}`)) return `${sign ?? ''}${a[0]}–${b.slice(sign?.length ?? 0)}`;
    return `${one(n.low)}–${one(n.high)}`;
  }
  return one(n.low);
}
