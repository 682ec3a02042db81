// Stacked horizontal bars: one row per group (a province, a partner country), one
// segment per condition in the dashboard's condition colours (styles.css: .cond-X .bar),
// all rows on one scale (the largest group fills the width). An HTML table, like
// BarChart: the name and the total are text, each row's drawing one SVG; the drawing is
// hidden from screen readers, which read each row's counts per condition as text.
// `rows`: [{key, label, total, conditions: {active: n, ...}}].
import { CONDITIONS } from './ConditionBadge.jsx';
import { fmt, label } from '../i18n/index.js';

export function ConditionLegend() {
  return (
    <ul class="cond-legend" aria-hidden="true">
      {CONDITIONS.map((c) => (
        <li key={c} class={'cond-' + c}>
          <svg viewBox="0 0 10 10" focusable="false"><rect class="bar" x="0" y="0" width="10" height="10" /></svg>
          {label('condition', c)}
        </li>
      ))}
    </ul>
  );
}

export function breakdown(conditions) {
  return CONDITIONS.filter((c) => conditions?.[c])
    .map((c) => `${label('condition', c)} ${fmt.number(conditions[c])}`)
    .join(', ');
}

export function StackedConditionBars({ rows, title, description, id }) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <figure class="chart stacked-chart" id={id}>
      <ConditionLegend />
      <table class="bar-chart stacked">
        <caption class="visually-hidden">{title}</caption>
        <tbody>
          {rows.map((r) => {
            let x = 0;
            return (
              <tr key={r.key}>
                <th scope="row" class="bar-label">{r.label}</th>
                <td class="bar-cell">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    {CONDITIONS.map((c) => {
                      const n = r.conditions?.[c] || 0;
                      if (!n) return null;
                      const w = (n / max) * 100;
                      const rect = (
                        <g key={c} class={'cond-' + c}>
                          <rect x={x} y="0" width={w} height="10" class="bar" />
                        </g>
                      );
                      x += w;
                      return rect;
                    })}
                  </svg>
                </td>
                <td class="bar-value">
                  {fmt.number(r.total)}
                  <span class="visually-hidden"> ({breakdown(r.conditions)})</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {description && <figcaption>{description}</figcaption>}
    </figure>
  );
}
