// The dashboard's record-keeping links: a new partnership (editors, admins) and the
// export of the user's regions as dossier-v1 downloads (GET /api/export?region=), or
// of everything the user can see when no region is theirs.
import { t } from '../i18n/index.js';
import { enc } from '../lib/api.js';
import { canEditAny } from '../lib/records.js';
import { DownloadButton } from './DownloadButton.jsx';

export function RecordActions({ user, regions, names }) {
  return (
    <div class="record-actions">
      {canEditAny(user) && (
        <a id="partnership-new" class="button-link primary" href="/partnerships/new">{t('records.partnership.new')}</a>
      )}
      {regions.length ? (
        regions.map((r) => (
          <a key={r} id={'export-region-' + r} class="button-link" href={`/api/export?region=${enc(r)}`} download>
            {t('records.export.region', { region: names[r] || r })}
          </a>
        ))
      ) : (
        <DownloadButton id="export-all" href="/api/export" label={t('records.export.all')} fallbackName="kembar.dossier.json" />
      )}
    </div>
  );
}
