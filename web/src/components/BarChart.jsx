// A horizontal bar chart in plain SVG: no chart library, no inline style (the
// server's Content-Security-Policy allows none), colours from the stylesheet.
// `bars`: [{key, label, value, className}]. The numbers are also written beside
// the bars, and the SVG carries a text alternative.
import { fmt } from '../i18n/index.js';

export function BarChart({ bars, title, description, format = (v) => fmt.number(v) }) {
  const labelWidth = 170;
  const barArea = 260;
  const row = 28;
  const width = labelWidth + barArea + 70;
  const height = bars.length * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const summary = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        class="bar-chart"
      >
        <title>{title}</title>
        {description && <desc>{description}</desc>}
        {bars.map((b, i) => {
          const y = 4 + i * row;
          const w = b.value > 0 ? Math.max(2, (b.value / max) * barArea) : 0;
          return (
            <g key={b.key} class={b.className}>
              <text x={labelWidth - 8} y={y + row / 2} class="bar-label" text-anchor="end" dominant-baseline="middle">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={w} height={row - 8} rx="3" class="bar" />
              <text x={labelWidth + w + 6} y={y + row / 2} class="bar-value" dominant-baseline="middle">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      {description && <figcaption>{description}</figcaption>}
    </figure>
  );
}
