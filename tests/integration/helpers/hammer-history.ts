import { join } from 'node:path';
import Conf from 'conf';
import { openConfSettingsStore } from '../../../src/app/conf-settings-store';
import { createHistoryFile } from '../../../src/app/history-file';

/**
 * Writes as fast as it can until it is killed: a history record and a settings save
 * each round, the way the app does, through the same code. The durability test kills
 * it with SIGKILL mid-write and checks what is left. Usage: hammer-history.ts DIR
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: hammer-history.ts DIR');
const history = createHistoryFile(join(dir, 'history.jsonl'));
const opened = openConfSettingsStore(Conf, { cwd: dir });
if (opened.movedAside || opened.storageFailure) {
  process.stderr.write(
    `settings did not open cleanly: ${opened.movedAside ?? opened.storageFailure}\n`,
  );
  process.exit(3);
}
// Carry on numbering after the records an earlier run left readable.
let seq = history.read().length;
for (let round = 0; ; round++, seq++) {
  // Long lines make a torn write likely to land mid-record.
  history.append({ at: Date.now(), type: 'hammer', seq, pad: 'x'.repeat(2000 + (seq % 97) * 40) });
  opened.store.save({
    microBreak: { every: `${20 + (seq % 40)}m` },
    history: { keepDays: 1 + (seq % 3000) },
  });
  if (round % 10 === 0) process.stdout.write(`wrote ${round}\n`);
}
