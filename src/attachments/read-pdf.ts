import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AttachmentError } from './attachment-error.js';

/**
 * The text of a PDF, page by page, with line breaks where the PDF marks them. A PDF with more
 * than maxPages pages is refused before any page is read; an encrypted one is ENCRYPTED_PDF.
 */
export async function readPdf(bytes: Uint8Array, maxPages: number): Promise<{ text: string; pages: number }> {
  // A plain Uint8Array copy: pdfjs refuses a Buffer and takes over what it is given.
  // No eval, no fonts loaded, no network: text extraction needs none of them.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    // pdfjs's PasswordException is not in its exported types; its name is stable.
    if ((error as Error).name === 'PasswordException')
      throw new AttachmentError('ENCRYPTED_PDF', 'the PDF is encrypted with a password; send an unprotected copy');
    throw new AttachmentError('UNREADABLE_FILE', `the PDF cannot be read: ${(error as Error).message.slice(0, 64)}`);
  }
  try {
    if (document.numPages > maxPages) {
      throw new AttachmentError('TOO_MANY_PAGES', `the PDF has ${document.numPages} pages; at most ${maxPages} are read`);
    }
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return { text: pages.join('\n\n'), pages: document.numPages };
  } finally {
    await task.destroy();
  }
}
