import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/app/policy/load';
import { machinePolicySources } from '../../../src/app/policy/sources';
import { effectiveSettings } from '../../../src/contract/settings';
import { adminFs, fakeRoot, fsWithOwner, removeAll } from './helpers';

const created: string[] = [];
afterEach(() => removeAll(created));

const linux = (root: string, fs?: Parameters<typeof machinePolicySources>[0]['fs']) =>
  machinePolicySources({ platform: 'linux', root, fs: fs ?? adminFs });

describe('Linux policy: /etc/unhunch/policy.json and policy.d', () => {
  it('has no policy when nothing is there, and says where it looked', async () => {
    const { root } = fakeRoot(created);
    const load = await loadPolicy(linux(root));
    expect(load.policy).toBeUndefined();
    expect(load.invalid).toBe(false);
    expect(load.sources).toEqual([
      { where: join(root, 'etc/unhunch/policy.json'), state: 'absent', issues: [] },
      { where: join(root, 'etc/unhunch/policy.d/*.json'), state: 'absent', issues: [] },
    ]);
  });

  it('merges policy.d files in name order over policy.json, later files winning a key', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', {
      version: 1,
      defaults: { microBreak: { every: '25m', duration: '40s' } },
      locked: { strictMode: true },
      links: [{ label: 'Physio', url: 'https://intranet.example.com/physio' }],
    });
    // Written out of order: the name decides, not the time.
    write('etc/unhunch/policy.d/20-site.json', {
      version: 1,
      defaults: { microBreak: { every: '30m' } },
    });
    write('etc/unhunch/policy.d/10-base.json', {
      version: 1,
      defaults: { microBreak: { every: '15m' }, longBreak: { duration: '10m' } },
      links: [{ label: 'Occupational health', url: 'https://intranet.example.com/oh' }],
    });
    write('etc/unhunch/policy.d/notes.txt', 'not a policy');

    const load = await loadPolicy(linux(root));
    expect(load.sources.map((s) => [s.where.slice(root.length), s.state])).toEqual([
      ['/etc/unhunch/policy.json', 'in force'],
      ['/etc/unhunch/policy.d/10-base.json', 'in force'],
      ['/etc/unhunch/policy.d/20-site.json', 'in force'],
    ]);
    expect(load.policy).toEqual({
      version: 1,
      defaults: {
        microBreak: { every: '30m', duration: '40s' },
        longBreak: { duration: '10m' },
      },
      locked: { strictMode: true },
      links: [
        { label: 'Physio', url: 'https://intranet.example.com/physio' },
        { label: 'Occupational health', url: 'https://intranet.example.com/oh' },
      ],
    });
    expect(load.origins).toMatchObject({
      'defaults.microBreak.every': join(root, 'etc/unhunch/policy.d/20-site.json'),
      'defaults.microBreak.duration': join(root, 'etc/unhunch/policy.json'),
      'defaults.longBreak.duration': join(root, 'etc/unhunch/policy.d/10-base.json'),
      'links[1]': join(root, 'etc/unhunch/policy.d/10-base.json'),
    });
    expect(effectiveSettings(undefined, load.policy).microBreak.everyMs).toBe(30 * 60_000);
  });

  it('refuses two files that each add the same exercise id, naming the merged list', async () => {
    const exercise = {
      id: 'desk-chin-tuck',
      title: 'Chin tuck',
      steps: ['Draw the chin back.'],
      dose: { kind: 'reps', reps: 5 },
      target: 'neck',
      breakKinds: ['long'],
    };
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.d/10-a.json', { version: 1, exercises: [exercise] });
    write('etc/unhunch/policy.d/20-b.json', { version: 1, exercises: [exercise] });
    const load = await loadPolicy(linux(root));
    expect(load.invalid).toBe(true);
    expect(load.policy).toBeUndefined();
    expect(load.sources.at(-1)?.issues.join('\n')).toContain('policy.exercises[1].id');
  });

  it('makes the whole reading invalid when one file is, naming the file and the JSON path', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', { version: 1, locked: { strictMode: true } });
    write('etc/unhunch/policy.d/50-bad.json', {
      version: 1,
      locked: { therapy: { capMinutes: 25 } },
    });
    const load = await loadPolicy(linux(root));
    expect(load.invalid).toBe(true);
    expect(load.policy).toBeUndefined();
    const bad = load.sources.find((s) => s.state === 'invalid');
    expect(bad?.where).toBe(join(root, 'etc/unhunch/policy.d/50-bad.json'));
    expect(bad?.issues).toEqual([
      'policy.locked.therapy.capMinutes: therapy is capped at 20 minutes; longer sessions can harm the skin',
    ]);
  });

  it('reports a file that is not JSON with the parser’s position', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', '{ "version": 1,');
    const load = await loadPolicy(linux(root));
    expect(load.invalid).toBe(true);
    expect(load.sources[0]?.issues[0]).toMatch(/^not valid JSON: .*position/);
  });
});

describe('a place an ordinary user can write is never read as policy', () => {
  it('refuses a world-writable policy file and applies the rest', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', { version: 1, locked: { strictMode: true } });
    const planted = write('etc/unhunch/policy.d/99-mine.json', {
      version: 1,
      defaults: { microBreak: { enabled: false } },
    });
    chmodSync(planted, 0o646);
    const load = await loadPolicy(linux(root));
    expect(load.refused).toBe(true);
    expect(load.invalid).toBe(false);
    expect(load.sources[1]).toEqual({
      where: planted,
      state: 'refused',
      issues: ['the file can be changed by every user'],
    });
    expect(load.policy).toEqual({ version: 1, locked: { strictMode: true } });
  });

  it('refuses a file in a folder others can write, even if the file itself is safe', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', { version: 1, locked: { strictMode: true } });
    chmodSync(join(root, 'etc/unhunch'), 0o777);
    const load = await loadPolicy(linux(root));
    expect(load.policy).toBeUndefined();
    expect(load.sources[0]).toMatchObject({
      where: file,
      state: 'refused',
      issues: [`the folder ${join(root, 'etc/unhunch')} can be changed by every user`],
    });
  });

  it('refuses a group-writable file unless the group is root’s', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', { version: 1 });
    chmodSync(file, 0o664);
    // Group 0 is root's: its members are administrators already.
    expect((await loadPolicy(linux(root))).refused).toBe(false);
    const staffGroup = fsWithOwner(file, 0, 50);
    const load = await loadPolicy(linux(root, staffGroup));
    expect(load.sources[0]).toMatchObject({
      state: 'refused',
      issues: ['the file can be changed by the members of group 50'],
    });
  });

  it('refuses a file owned by an ordinary user (seen through an injected stat)', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', { version: 1, locked: { strictMode: true } });
    const load = await loadPolicy(linux(root, fsWithOwner(file, 1000)));
    expect(load.policy).toBeUndefined();
    expect(load.sources[0]).toMatchObject({
      state: 'refused',
      issues: ['the file is owned by user 1000, not root'],
    });
  });

  it('refuses a folder above the file owned by an ordinary user', async () => {
    const { root, write } = fakeRoot(created);
    write('etc/unhunch/policy.json', { version: 1 });
    const load = await loadPolicy(linux(root, fsWithOwner(join(root, 'etc'), 1000)));
    expect(load.sources[0]?.issues).toEqual([
      `the folder ${join(root, 'etc')} is owned by user 1000, not root`,
    ]);
  });

  it('follows a symbolic link and checks where it leads', async () => {
    const { root, write } = fakeRoot(created);
    const target = write('srv/shared/policy.json', { version: 1, locked: { strictMode: true } });
    chmodSync(join(root, 'srv/shared'), 0o777);
    write('etc/unhunch/.keep', '');
    symlinkSync(target, join(root, 'etc/unhunch/policy.json'));
    const load = await loadPolicy(linux(root));
    expect(load.sources[0]?.state).toBe('refused');
    expect(load.sources[0]?.issues[0]).toContain(`the folder ${join(root, 'srv/shared')}`);
  });

  it('never reads a refused file, so a broken one there is not an error', async () => {
    const { root, write } = fakeRoot(created);
    const file = write('etc/unhunch/policy.json', '{ garbage');
    chmodSync(file, 0o666);
    const load = await loadPolicy(linux(root));
    expect(load.invalid).toBe(false);
    expect(load.sources[0]?.state).toBe('refused');
  });
});
