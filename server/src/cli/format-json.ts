// The JSON format: the contract of issue 2, section 5. Keep it stable; add fields freely.
import type { Report } from './report';

export function toJson(report: Report) {
  return {
    sources: report.sources.map((s) => {
      const out: Record<string, string | null> = { id: s.id, path: s.path, title: s.title ?? null };
      if (s.outlet !== undefined) out.outlet = s.outlet;
      if (s.date !== undefined) out.date = s.date;
      if (s.url !== undefined) out.url = s.url;
      return out;
    }),
    drafts: report.drafts.map((d) => ({ path: d.path, claims: d.claims })),
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}
