/**
 * Whether this person has been through the first-run welcome, kept by the renderer in
 * its own storage (per profile): the shell asks it before the first page, so it stays
 * tiny and the welcome page itself loads only when shown.
 */
const SEEN_KEY = 'unhunch.welcome-seen';

export function welcomeSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    // No storage (a locked-down profile): never hold anyone at the welcome.
    return true;
  }
}

export function markWelcomeSeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Nothing to keep it in; the welcome simply comes again.
  }
}
