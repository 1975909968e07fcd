import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { allowedRoles } from '../auth/roles.js';
import { AttachmentError } from '../attachments/attachment-error.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { Authenticator } from './authentication.js';

const refuse = (response: Response, status: number, code: string, message: string) =>
  response.status(status).json({ errors: [{ message, extensions: { code } }] });

/** Multipart overhead allowed beyond the file itself (boundaries, part headers). */
const ENVELOPE = 16 * 1024;

/**
 * POST /attachments (multipart/form-data, one file part) with any key, REPORTER included:
 * 201 with the attachment's id (its SHA-256), kind, type and size, or 200 with duplicate true
 * for bytes stored before. GET /attachments/<id>/content gives the bytes back to an ANALYST or
 * ADMIN only. Refusals answer `{ errors: [{ message, extensions: { code } }] }`.
 */
export function attachmentUploads(authenticator: Authenticator, attachments: AttachmentService): Router {
  const router = Router();
  router.post('/', async (request, response, next) => {
    try {
      await authenticator.caller(request.headers.authorization);
      if (Number(request.headers['content-length'] ?? 0) > attachments.maxBytes + ENVELOPE) {
        request.resume();
        return refuse(response, 413, 'FILE_TOO_LARGE', `the file is larger than ${attachments.maxBytes} bytes`);
      }
      const bytes = await oneFile(request, attachments.maxBytes);
      const { attachment, duplicate } = await attachments.upload(bytes);
      const { sha256, kind, mime, size, storedAt } = attachment;
      response.status(duplicate ? 200 : 201).json({ id: sha256, sha256, kind, mime, size, storedAt, duplicate });
    } catch (error) {
      answerError(error, response, next);
    }
  });
  router.get('/:id/content', async (request, response, next) => {
    try {
      const caller = await authenticator.caller(request.headers.authorization);
      if (!allowedRoles('query', 'evidencePack').includes(caller.role)) {
        return refuse(response, 403, 'FORBIDDEN', `attachment contents need an ANALYST or ADMIN key; this key is ${caller.role}`);
      }
      const [stored] = await attachments.get([request.params.id]);
      const bytes = await attachments.bytes(request.params.id);
      if (!stored || !bytes) return refuse(response, 404, 'ATTACHMENT_NOT_FOUND', 'no such attachment');
      response.type(stored.mime).setHeader('content-disposition', `attachment; filename="${stored.sha256}"`).send(bytes);
    } catch (error) {
      answerError(error, response, next);
    }
  });
  return router;
}

/** Coded refusals (attachment errors, authentication) as JSON; anything else to the error handler. */
function answerError(error: unknown, response: Response, next: (error: unknown) => void) {
  if (error instanceof AttachmentError) return refuse(response, error.status, error.code, error.message);
  const status = (error instanceof GraphQLError && (error.extensions['http'] as { status?: number } | undefined)?.status) || 0;
  if (status > 0) return refuse(response, status, String((error as GraphQLError).extensions['code']), (error as GraphQLError).message);
  next(error);
}

/** The bytes of the request's one file part, at most maxBytes of them; the file's name and declared type are ignored. */
function oneFile(request: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 0, parts: 2 } });
    } catch {
      return reject(new AttachmentError('BAD_UPLOAD', 'send the file as multipart/form-data with one file part'));
    }
    const chunks: Buffer[] = [];
    let seen = false;
    let refused: AttachmentError | null = null;
    parser.on('file', (_field, stream) => {
      seen = true;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        refused = new AttachmentError('FILE_TOO_LARGE', `the file is larger than ${maxBytes} bytes`);
      });
    });
    const limit = () => (refused ??= new AttachmentError('BAD_UPLOAD', 'send exactly one file part and no other fields'));
    // busboy says partsLimit on reaching the count, files- and fieldsLimit only past it: the part after the file.
    parser.on('filesLimit', limit).on('fieldsLimit', limit);
    parser.on('error', (error: Error) =>
      reject(new AttachmentError('BAD_UPLOAD', `the multipart body cannot be read: ${error.message.slice(0, 64)}`)),
    );
    parser.on('close', () => {
      if (refused) return reject(refused);
      if (!seen) return reject(new AttachmentError('EMPTY_FILE', 'the request holds no file part'));
      resolve(Buffer.concat(chunks));
    });
    request.pipe(parser);
  });
}
