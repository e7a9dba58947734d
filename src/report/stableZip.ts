/**
 * Office files are zip archives whose libraries stamp them with the time they were written (each
 * entry's date, `docProps/core.xml`). Rewritten with one fixed stamp, the same audit gives the
 * same bytes, as every other report does. The stamp is the zip format's own epoch, 1980-01-01:
 * a format artefact, not a date anything happened.
 */
const EPOCH = new Date(Date.UTC(1980, 0, 1));
const EPOCH_ISO = '1980-01-01T00:00:00Z';

export async function stableZip(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder().decode(content).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${EPOCH_ISO}$2`);
    }
    out.file(name, content, { date: EPOCH, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
