import { label, t } from '../i18n/index.js';

export const CONDITIONS = ['active', 'at_risk', 'dormant', 'ended', 'not_in_force', 'unknown'];

export function ConditionBadge({ condition }) {
  if (!condition) return <span class="badge badge-none">{t('dashboard.notAssessed')}</span>;
  return <span class={'badge badge-' + condition}>{label('condition', condition)}</span>;
}
