import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadAntdEnglish } from './app';
import { initialLanguage } from './i18n/i18n';
import { textsReady } from './i18n/resources';
import './styles.css';

const render = () => {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
};

// Vietnamese renders at once (its base texts are in the entry chunk); the feature texts follow in the
// background. Someone who chose English waits for the English texts rather than seeing Vietnamese flash.
if (initialLanguage === 'en')
  void Promise.all([textsReady('en'), loadAntdEnglish()])
    .catch(() => undefined)
    .then(render);
else {
  render();
  void textsReady('vi').catch(() => undefined);
}
