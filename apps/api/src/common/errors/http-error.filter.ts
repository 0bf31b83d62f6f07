import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { type DomainErrorKind, isDomainError } from '@kientoan/domain';
import type { ErrorResponse } from './error-response';
import { type FieldError, RequestValidationError } from './request-validation.error';
import {
  ServiceUnavailable,
  ServiceUnavailableError,
  unavailableResponse,
} from './service-unavailable.error';
import { unavailableDependencyOf } from './unavailable-dependency';

const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  throttled: HttpStatus.TOO_MANY_REQUESTS,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

/** Maps every error to the one response shape; domain codes decide the HTTP status in one place. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const unavailable = this.asUnavailable(exception);
    if (unavailable) {
      // Expected while a part is down: one line, not a stack trace per request.
      this.logger.warn(
        `${unavailable.code}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      response.setHeader('Retry-After', String(unavailable.retryAfterSeconds));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json(this.toResponse(unavailable));
      return;
    }
    const body = this.toResponse(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const retryAfter = body.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  /** An unreachable dependency answers 503 with a stable code, never 500 and never the driver's text. */
  private asUnavailable(exception: unknown): ServiceUnavailableError | undefined {
    if (exception instanceof ServiceUnavailableError) return exception;
    if (isDomainError(exception) || exception instanceof HttpException) return undefined;
    switch (unavailableDependencyOf(exception)) {
      case 'database':
        return ServiceUnavailable.database();
      case 'database-busy':
        return ServiceUnavailable.databaseBusy();
      case 'temporal':
        return ServiceUnavailable.workflowService();
      case 'workflow':
        return ServiceUnavailable.workflowNotReady();
      case undefined:
        return undefined;
    }
  }

  private toResponse(exception: unknown): ErrorResponse {
    if (exception instanceof ServiceUnavailableError) return unavailableResponse(exception);
    if (exception instanceof RequestValidationError) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'VALIDATION_FAILED',
        message: 'Dữ liệu gửi lên không hợp lệ.',
        messageEn: 'The request is invalid.',
        errors: exception.errors,
      };
    }
    if (isDomainError(exception)) {
      const { field, fieldErrors, ...details } = exception.details;
      const errors = Array.isArray(fieldErrors)
        ? (fieldErrors as FieldError[])
        : typeof field === 'string'
          ? [{ field, reason: exception.messageVi, reasonEn: exception.messageEn }]
          : undefined;
      return {
        statusCode: STATUS_BY_KIND[exception.kind],
        code: exception.code,
        message: exception.messageVi,
        messageEn: exception.messageEn,
        ...(errors ? { errors } : {}),
        details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        statusCode: status,
        code:
          status === 404
            ? 'ROUTE_NOT_FOUND'
            : status === 413
              ? 'PAYLOAD_TOO_LARGE'
              : status === 400
                ? 'MALFORMED_REQUEST'
                : 'HTTP_ERROR',
        message:
          status === 404
            ? 'Không tìm thấy địa chỉ yêu cầu.'
            : status === 413
              ? 'Dữ liệu gửi lên quá lớn.'
              : status === 400
                ? 'Yêu cầu không đúng định dạng (JSON không hợp lệ).'
                : 'Yêu cầu không thể xử lý.',
        messageEn: exception.message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
      messageEn: 'An internal error occurred. Please try again later.',
    };
  }
}
