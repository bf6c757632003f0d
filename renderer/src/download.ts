/**
 * Hands text to the person as a file: a Blob and a link with `download`. The browser
 * saves it (Electron asks where, with its save dialog); nothing leaves the machine.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next turn; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
