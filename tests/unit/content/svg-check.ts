/**
 * A strict reader for the small, hand-written SVGs in assets/exercises: it checks that
 * the file is well-formed XML made of the few drawing elements we use, and returns
 * the elements with their attributes so the tests can check what they say.
 */
export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  depth: number;
}

export type SvgRead = { ok: true; elements: SvgElement[] } | { ok: false; error: string };

const TOKEN = /<\/?([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
const ATTRIBUTE = /\s+([\w:-]+)="([^"<]*)"/g;

export function readSvg(text: string): SvgRead {
  const elements: SvgElement[] = [];
  const open: string[] = [];
  let roots = 0;
  let position = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    position = TOKEN.lastIndex;
    const [whole, name, attributeText = '', selfClosing, textContent, stray] = match;
    if (stray) return { ok: false, error: `stray "<" at ${match.index}` };
    if (textContent !== undefined) {
      if (textContent.trim() !== '')
        return { ok: false, error: `text content "${textContent.trim()}"` };
      continue;
    }
    if (whole.startsWith('</')) {
      if (open.pop() !== name) return { ok: false, error: `unbalanced </${name}>` };
      continue;
    }
    if (open.length === 0) roots += 1;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText.matchAll(ATTRIBUTE)) {
      if (key! in attributes) return { ok: false, error: `duplicate attribute ${key}` };
      attributes[key!] = value!;
    }
    elements.push({ name: name!, attributes, depth: open.length });
    if (!selfClosing) open.push(name!);
  }
  if (position < text.length) return { ok: false, error: `cannot read past ${position}` };
  if (open.length > 0) return { ok: false, error: `<${open.at(-1)}> is never closed` };
  if (roots !== 1) return { ok: false, error: `${roots} root elements` };
  return { ok: true, elements };
}
