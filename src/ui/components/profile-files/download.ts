/**
 * Saving a file the person downloads: a Blob behind an object URL on a temporary `<a download>`, revoked a
 * while after (a large recording may still be read by the browser when `click()` returns). No server,
 * works offline.
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text saved as a file of the given MIME type. */
export function downloadText(fileName: string, text: string, type: string): void {
  saveBlob(fileName, new Blob([text], { type }));
}
