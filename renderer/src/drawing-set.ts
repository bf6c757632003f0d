/**
 * Every exercise drawing as text, in one chunk, for a page that shows them all (the
 * Exercises page). Its own query, so these are not the one-drawing chunks the break
 * page loads (renderer/src/exercise-view.ts). Keys are file names: `bird-dog.svg`.
 */
const EVERY = import.meta.glob<string>('../../assets/exercises/*.svg', {
  query: '?raw&set',
  import: 'default',
  eager: true,
});

export const DRAWING_SET: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(EVERY).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);
