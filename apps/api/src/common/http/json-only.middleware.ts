import type { NextFunction, Request, Response } from 'express';
import type { ErrorResponse } from '../errors/error-response';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** JSON everywhere; multipart only where a file is uploaded (the upload interceptor checks the rest). */
const ACCEPTED = [/^application\/(.+\+)?json$/i, /^multipart\/form-data$/i];

/**
 * A body the API cannot read (text, a form, XML) is refused with 415 and a reason, instead of being ignored
 * and answered with a list of "required" fields the client believes it sent. Requests with no body pass.
 */
export const jsonOnly = (req: Request, res: Response, next: NextFunction): void => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!WITH_BODY.has(req.method) || !hasBody || ACCEPTED.some((pattern) => pattern.test(type))) {
    return next();
  }
  const body: ErrorResponse = {
    statusCode: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: `Dữ liệu phải gửi dưới dạng JSON (Content-Type: application/json); đã nhận "${type || 'không rõ'}". Không có gì được lưu.`,
    messageEn: `The body must be JSON (Content-Type: application/json); received "${type || 'none'}". Nothing was stored.`,
    details: { contentType: type || null },
  };
  res.status(415).json(body);
};
