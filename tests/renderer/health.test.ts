import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../../renderer/src/pages/health';
import { pageContext, scriptedApi, settle } from './page-harness';

describe('the About your health page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.replaceChildren(root);
  });

  it('shows the emergency signs first, then the urgent ones, then when to see a GP', async () => {
    const api = scriptedApi({ getOrganisationLinks: [] });
    mount(root, await pageContext(api));
    await settle();
    const groups = [...root.querySelectorAll<HTMLElement>('.red-flag-group')];
    expect(groups.map((group) => group.dataset.testid)).toEqual([
      'red-flags-emergency',
      'red-flags-urgent',
      'red-flags-see-gp-or-physio',
    ]);
    const emergency = groups[0]!;
    expect(emergency.querySelector('h3')?.textContent).toMatch(/999|112|emergency/i);
    // The cardiac sign an upper-back app must not bury.
    expect(
      emergency.querySelector('[data-testid="sign-between-shoulder-blades-cardiac"]'),
    ).not.toBeNull();
    // The no-diagnosis statement comes before the signs.
    const noDiagnosis = root.querySelector('[data-testid="no-diagnosis"]')!;
    expect(
      noDiagnosis.compareDocumentPosition(emergency) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it("shows the organisation's links only when there are some, and says why one did not open", async () => {
    const api = scriptedApi({
      getOrganisationLinks: [],
      openExternalLink: { ok: false, code: 'link-not-offered' },
    });
    mount(root, await pageContext(api));
    await settle();
    const section = root.querySelector('[data-testid="organisation-links"]')!.closest('section')!;
    expect(section.hidden).toBe(true);

    const withLinks = scriptedApi({
      getOrganisationLinks: [
        { label: 'Occupational health <b>team</b>', url: 'https://example.org/oh' },
      ],
      openExternalLink: { ok: false, code: 'link-not-offered' },
    });
    root.replaceChildren();
    mount(root, await pageContext(withLinks));
    await settle();
    const linkSection = root
      .querySelector('[data-testid="organisation-links"]')!
      .closest('section')!;
    expect(linkSection.hidden).toBe(false);
    const button = linkSection.querySelector('button')!;
    // The label is text, not markup.
    expect(button.textContent).toBe('Occupational health <b>team</b>');
    expect(button.querySelector('b')).toBeNull();
    button.click();
    await settle();
    expect(withLinks.calls.at(-1)).toEqual({
      name: 'openExternalLink',
      input: { url: 'https://example.org/oh' },
    });
    expect(root.querySelector('[data-testid="links-error"]')?.textContent).toContain(
      'Unhunch opens only the health links it shows on this page',
    );
  });
});
