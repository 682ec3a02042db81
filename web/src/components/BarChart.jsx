// A horizontal bar chart as an HTML table: the labels and numbers are text at the
// page's size (readable at 375 px), each bar a stretched SVG rect (no chart library,
// no inline style: the server's Content-Security-Policy allows none). Screen readers
// read it as the table it is. `bars`: [{key, label, value, className}].
import { fmt } from '../i18n/index.js';

export function BarChart({ bars, title, description, format = (v) => fmt.number(v) }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure class="chart">
      <table class="bar-chart">
        <caption class="visually-hidden">{title}</caption>
        <tbody>
          {bars.map((b) => {
            const w = b.value > 0 ? Math.max(0.5, (b.value / max) * 100) : 0;
            return (
              <tr key={b.key} class={b.className}>
                <th scope="row" class="bar-label">{b.label}</th>
                <td class="bar-cell">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" width={w} height="10" class="bar" />
                  </svg>
                </td>
                <td class="bar-value">{format(b.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {description && <figcaption>{description}</figcaption>}
    </figure>
  );
}
