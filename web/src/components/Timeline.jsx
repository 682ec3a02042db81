// The timeline chart of a partnership: one row per event type present, one dot per
// event at the middle of its date interval; every dot is a link to the event in the
// list below (reachable with Tab, named for screen readers). Plain SVG.
import { dateToYear } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';

export const EVENT_TYPES = [
  'initiated', 'visit', 'loi_signed', 'central_consultation', 'dprd_approved', 'mou_signed',
  'mou_renewed', 'action_plan', 'activity', 'communication', 'leader_changed', 'pic_changed',
  'policy_change', 'external_shock', 'suspended', 'terminated', 'reactivated', 'evaluation', 'note',
];

export function eventAnchor(ev, index) {
  return 'event-' + (ev.id || String(index)).replace(/[^\w.-]/g, '_');
}

export function Timeline({ events }) {
  const dated = events
    .map((ev, i) => ({ ev, i, x: dateToYear(ev.date) }))
    .filter((d) => Number.isFinite(d.x));
  if (!dated.length) return null;
  const types = EVENT_TYPES.filter((ty) => dated.some((d) => d.ev.type === ty));
  for (const d of dated) if (!types.includes(d.ev.type)) types.push(d.ev.type);
  const first = Math.floor(Math.min(...dated.map((d) => d.x)));
  const last = Math.ceil(Math.max(...dated.map((d) => d.x)));
  const span = Math.max(1, last - first);
  const labelWidth = 340;
  const plot = 560;
  const row = 26;
  const top = 8;
  const width = labelWidth + plot + 20;
  const height = top + types.length * row + 30;
  const xOf = (year) => labelWidth + ((year - first) / span) * plot;
  const step = span > 30 ? 10 : span > 12 ? 5 : span > 6 ? 2 : 1;
  const ticks = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) ticks.push(y);
  return (
    <figure class="chart timeline">
      <div class="scroll-x">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby="timeline-title" class="timeline-chart">
        <title id="timeline-title">{t('partnership.timeline')}</title>
        {ticks.map((y) => (
          <g key={y} class="tick">
            <line x1={xOf(y)} x2={xOf(y)} y1={top} y2={top + types.length * row} />
            <text x={xOf(y)} y={top + types.length * row + 18} text-anchor="middle">{y}</text>
          </g>
        ))}
        {types.map((ty, r) => (
          <g key={ty} class={'timeline-row event-' + ty}>
            <text x={labelWidth - 8} y={top + r * row + row / 2} text-anchor="end" dominant-baseline="middle" class="bar-label">
              {label('event', ty)}
            </text>
            <line class="row-line" x1={labelWidth} x2={labelWidth + plot} y1={top + r * row + row / 2} y2={top + r * row + row / 2} />
            {dated
              .filter((d) => d.ev.type === ty)
              .map((d) => (
                <a key={d.i} href={'#' + eventAnchor(d.ev, d.i)} aria-label={`${fmt.date(d.ev.date)}: ${d.ev.title || label('event', ty)}`}>
                  <circle cx={xOf(d.x)} cy={top + r * row + row / 2} r="6" class="dot">
                    <title>{`${fmt.date(d.ev.date)}: ${d.ev.title || label('event', ty)}`}</title>
                  </circle>
                </a>
              ))}
          </g>
        ))}
      </svg>
      </div>
      <figcaption>{t('partnership.timelineDesc')}</figcaption>
    </figure>
  );
}
