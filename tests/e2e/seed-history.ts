/**
 * A history written into the data folder before the host starts, in UTC days: today
 * 3 taken, 1 skipped, 1 natural, 1 postponed and 10 minutes of ice; the four days
 * before it each 4 taken; a checklist a week ago at 70% and today at 90%.
 */
const DAY = 86_400_000;
export function seededHistory(now: number): string {
  const today = Math.floor(now / DAY) * DAY;
  // Spread today's records over the part of today that has passed.
  const todayAt = (i: number) => today + Math.floor(((now - today) * (i + 1)) / 12);
  const records: object[] = [
    { at: todayAt(0), type: 'break-due', kind: 'micro' },
    { at: todayAt(1), type: 'break-taken', kind: 'micro' },
    { at: todayAt(2), type: 'break-taken', kind: 'micro' },
    { at: todayAt(3), type: 'break-postponed', kind: 'micro' },
    { at: todayAt(4), type: 'break-taken', kind: 'long' },
    { at: todayAt(5), type: 'break-skipped', kind: 'micro' },
    { at: todayAt(6), type: 'natural-break', kind: 'micro', idleSeconds: 90 },
    {
      at: todayAt(8),
      type: 'therapy-end',
      kind: 'ice',
      minutes: 10,
      startedAt: todayAt(8) - 10 * 60_000,
      outcome: 'completed',
    },
    {
      at: todayAt(9),
      type: 'checklist-result',
      answers: {},
      score: { yes: 9, no: 1, notApplicable: 2, percent: 90 },
    },
    {
      at: today - 7 * DAY + 36_000_000,
      type: 'checklist-result',
      answers: {},
      score: { yes: 7, no: 3, notApplicable: 2, percent: 70 },
    },
  ];
  for (let d = 1; d <= 4; d++) {
    for (let i = 0; i < 4; i++) {
      records.push({
        at: today - d * DAY + 36_000_000 + i * 1_200_000,
        type: 'break-taken',
        kind: 'micro',
      });
    }
  }
  records.sort((a, b) => (a as { at: number }).at - (b as { at: number }).at);
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
