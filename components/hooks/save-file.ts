/**
 * Hands the user a file to save (an export, an evidence package): a link to a blob of it, clicked
 * at once; the blob's address is released a little later, once the download has taken it.
 */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
