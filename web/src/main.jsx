import { render } from 'preact';
import { App } from './app.jsx';
import { initialLanguage, setLanguage } from './i18n/index.js';
import { interceptLinks } from './lib/router.js';
import { loadSession } from './lib/session.js';
import './styles.css';

setLanguage(initialLanguage(), { remember: false });
interceptLinks(document.body);
render(<App />, document.getElementById('app'));
loadSession();
