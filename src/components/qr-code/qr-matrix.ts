import qrcode from 'qrcode-generator';

/** One row of a QR code as runs of equal modules, so a row draws as a few boxes instead of one per module. */
export interface QrRow {
  runs: { dark: boolean; length: number }[];
}

/** The QR code of `text` (digits use the compact numeric mode), error correction M, as rows of runs. */
export function qrRows(text: string): { size: number; rows: QrRow[] } {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const rows: QrRow[] = [];
  for (let r = 0; r < size; r += 1) {
    const runs: QrRow['runs'] = [];
    for (let c = 0; c < size; c += 1) {
      const dark = qr.isDark(r, c);
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push({ runs });
  }
  return { size, rows };
}
