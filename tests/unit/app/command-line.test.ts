import { describe, expect, it } from 'vitest';
import { launchRequests } from '../../../src/app/command-line';

describe('a second launch forwarding its command line', () => {
  it('opens the window for --open and pauses for --pause', () => {
    expect(launchRequests(['/usr/bin/unhunch', '--open', '--pause'])).toEqual([
      { kind: 'open' },
      { kind: 'pause', minutes: 30 },
    ]);
  });

  it('takes a pause length in minutes within a day', () => {
    expect(launchRequests(['--pause=45'])).toEqual([{ kind: 'pause', minutes: 45 }]);
    expect(launchRequests(['--pause=0', '--pause=5000', '--pause=abc'])).toEqual([]);
  });

  it("ignores Electron's and Chromium's own switches", () => {
    expect(launchRequests(['--no-sandbox', '--enable-logging', '.', '--resume'])).toEqual([
      { kind: 'resume' },
    ]);
  });
});
