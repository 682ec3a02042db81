import { ErrorView } from '../components/ErrorView.jsx';
import { t } from '../i18n/index.js';
import { usePageTitle } from '../lib/hooks.js';

// A path the app does not know, shown in the same form as an API error.
export default function NotFound({ path }) {
  usePageTitle(t('error.notFoundTitle'));
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('error.notFoundTitle')}</h1>
      <ErrorView
        title={t('error.notFound', { path })}
        error={{ status: 404, code: 'not_found', message: t('error.notFound', { path }), path }}
      />
    </>
  );
}
