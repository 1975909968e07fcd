/** Why an attachment was refused; each code answers with its HTTP status. */
export const ATTACHMENT_ERRORS = {
  FILE_TOO_LARGE: 413,
  EMPTY_FILE: 400,
  BAD_UPLOAD: 400,
  UNSUPPORTED_TYPE: 415,
  IMAGE_TOO_LARGE: 422,
  TOO_MANY_PAGES: 422,
  TOO_MANY_PARTS: 422,
  ENCRYPTED_PDF: 422,
  UNREADABLE_FILE: 422,
  READ_TIMEOUT: 422,
  ATTACHMENT_NOT_FOUND: 404,
} as const;

export type AttachmentErrorCode = keyof typeof ATTACHMENT_ERRORS;

/** A refused attachment: the code says why, the message says what arrived. Nothing is stored. */
export class AttachmentError extends Error {
  override name = 'AttachmentError';

  constructor(
    readonly code: AttachmentErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return ATTACHMENT_ERRORS[this.code];
  }
}
