import type { MoreWords } from '../index';
import checkin from './checkin.json';
import checklist from './checklist.json';
import health from './health.json';
import settings from './settings.json';
import stats from './stats.json';
import therapy from './therapy.json';

/** The words of the other pages (../index.ts): loaded when one of them is shown. */
export default { checklist, health, therapy, settings, stats, checkin } satisfies MoreWords;
