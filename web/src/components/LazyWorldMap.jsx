// Loads the world map chunk (map/WorldMap.jsx: d3-geo and the world's shapes) only when
// a page renders a map, so the first load stays small.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { Loading } from './ErrorView.jsx';

let loaded = null;

export function LazyWorldMap(props) {
  const [Map, setMap] = useState(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded) return undefined;
    let live = true;
    import('../map/WorldMap.jsx').then(
      (m) => {
        loaded = m.default;
        if (live) setMap(() => m.default);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <p class="muted">{t('error.network')}</p>;
  return Map ? <Map {...props} /> : <Loading />;
}
