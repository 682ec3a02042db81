// Download links for the reports of issue 13 (GET /api/reports/...): the partnership
// report card, a region's annual report (with its year) and the national report, in
// PDF, XLSX, HTML and Markdown, in the reader's language; each a DownloadButton, which
// shows the server's preparation and the bytes' arrival.
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { enc } from '../lib/api.js';
import { useLanguage } from '../lib/hooks.js';
import { DownloadButton } from './DownloadButton.jsx';

const FORMATS = ['pdf', 'xlsx', 'html', 'md'];

function reportPath(kind, id) {
  if (kind === 'partnership') return `/api/reports/partnership/${enc(id)}`;
  if (kind === 'region') return `/api/reports/region/${enc(id)}`;
  return '/api/reports/national';
}

// kind: 'partnership' | 'region' | 'national'; id: the partnership or region id;
// name: what the region is called (for the label). A region's report asks for its
// year (this year by default, the ten before it offered).
export function ReportLinks({ kind, id, name }) {
  const lang = useLanguage();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(kind === 'region' ? thisYear : null);
  const base = `report-${kind}${id ? '-' + id : ''}`;
  const title = t('reports.' + kind, { name: name || id || '' });
  const query = (format) => {
    const q = new URLSearchParams({ format, lang });
    if (year) q.set('year', String(year));
    return q.toString();
  };
  return (
    <div class="report-links" role="group" aria-labelledby={base + '-label'}>
      <span id={base + '-label'} class="report-links-label">{title}</span>
      {kind === 'region' && (
        <span class="field inline">
          <label for={base + '-year'}>{t('reports.year')}</label>
          <select id={base + '-year'} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </span>
      )}
      {FORMATS.map((f) => (
        <DownloadButton key={f} id={`${base}-${f}`} href={`${reportPath(kind, id)}?${query(f)}`}
          label={t('reports.format.' + f)} accessibleName={`${title}: ${t('reports.format.' + f)}`}
          fallbackName={`report.${f}`} />
      ))}
    </div>
  );
}
