// A new partnership (issue 12, record keeping): its parties chosen among the stored
// regions, kind, title, fields and, when known, the MoU. An editor's first region is
// the home party to start with. POST /api/partnerships; then its page.
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { PartnershipForm } from '../components/PartnershipForm.jsx';
import { t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { canEditAny } from '../lib/records.js';
import { navigate } from '../lib/router.js';

export default function PartnershipNew({ user }) {
  useLanguage();
  usePageTitle(t('records.partnership.newTitle'));
  const first = user?.regions?.[0] || '';
  const home = useResource(
    (signal) => (first ? api.get(`/api/regions/${enc(first)}`, null, { signal }).then((r) => r.region) : Promise.resolve(null)),
    [first],
  );
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('records.partnership.newTitle')}</h1>
      {!canEditAny(user) ? (
        <p class="notice">{t('records.partnership.cannotCreate')}</p>
      ) : (
        <>
          <p class="lead">{t('records.partnership.newLead')}</p>
          <section class="card" aria-labelledby="partnership-form-title">
            {home.loading && !home.data ? <Loading /> : (
              <>
                {home.error && <ErrorView error={home.error} />}
                <PartnershipForm
                  homeRegion={home.data}
                  onSaved={({ id }) => navigate(`/partnerships/${enc(id)}`)}
                  onCancel={() => navigate('/')}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
