import { nothing, render, type TemplateResult } from 'lit-html';

/**
 * Draws a page's lit-html template into the shell's outlet. lit-html remembers what it
 * drew on the node it draws before; each mount gets a fresh marker of its own, so a
 * page mounted again after the shell emptied the outlet starts clean.
 */
export function litRoot(root: HTMLElement): {
  draw(template: TemplateResult): void;
  clear(): void;
} {
  const marker = document.createComment('');
  root.append(marker);
  return {
    draw: (template) => render(template, root, { renderBefore: marker }),
    clear: () => render(nothing, root, { renderBefore: marker }),
  };
}
