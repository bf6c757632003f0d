import { createTranslator } from '../../src/contract/i18n';
import { connect } from './bridge';
import { mountStatusPage } from './pages/status';

async function start() {
  const language = 'en';
  const { t } = await createTranslator(language);
  document.title = t('app.name');
  const root = document.getElementById('app')!;
  let page: ReturnType<typeof mountStatusPage> | undefined;
  const api = connect((connected) => page?.setConnected(connected));
  page = mountStatusPage(root, api, t, language);
}

void start();
