import type { CoreWords } from '../index';
import breaks from './breaks.json';
import common from './common.json';
import exercises from './exercises.json';
import focus from './focus.json';

/** The words a break window needs (see CORE_NAMESPACES in ../index.ts): one chunk of its own. */
export default { common, breaks, exercises, focus } satisfies CoreWords;
