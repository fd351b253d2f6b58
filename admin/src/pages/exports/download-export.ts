/**
 * Joins an export's parts, fetched in order from their temporary links, into one CSV file and
 * hands it to the browser as a download. The first part carries the BOM and the header.
 */
export async function downloadParts(urls: readonly string[], fileName: string, fetchPart: typeof fetch = fetch): Promise<void> {
  const parts: Blob[] = [];
  for (const url of urls) {
    const answer = await fetchPart(url);
    if (!answer.ok) throw new Error(`下载文件分片失败（${answer.status}），请重试`);
    parts.push(await answer.blob());
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
