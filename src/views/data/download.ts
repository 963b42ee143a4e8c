/**
 * Saves a Blob as a file through a temporary object URL (no network: the browser writes it to disk).
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; revoking later lets slow browsers finish reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
