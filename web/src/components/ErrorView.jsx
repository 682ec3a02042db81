import { t } from '../i18n/index.js';

// An API error as the server reported it: {code, message, path} (and the field).
export function ErrorView({ error, title, onRetry }) {
  const heading = title || (error?.status === 404 ? t('error.notFoundTitle') : t('error.title'));
  const message =
    error?.status === 0 ? t('error.network') : error?.status === 403 ? t('error.forbidden') : null;
  return (
    <section class="error-view" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{heading}</h2>
      {message && <p>{message}</p>}
      {error && error.status !== 0 && (
        <dl class="facts">
          <dt>{t('error.code')}</dt>
          <dd><code>{error.code}</code></dd>
          <dt>{t('error.message')}</dt>
          <dd>{error.message}</dd>
          <dt>{t('error.path')}</dt>
          <dd><code>{error.path}</code></dd>
          {error.field && <dt>{t('error.field')}</dt>}
          {error.field && <dd><code>{error.field}</code></dd>}
        </dl>
      )}
      <p class="actions">
        {onRetry && <button type="button" onClick={onRetry}>{t('common.retry')}</button>}
        <a href="/">{t('common.backToDashboard')}</a>
      </p>
    </section>
  );
}

export function Loading() {
  return <p class="loading" role="status">{t('common.loading')}</p>;
}
