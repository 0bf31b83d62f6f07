import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { DomainError } from '@kientoan/domain';
import type { Observable } from 'rxjs';
import { SHEET_MAX_BYTES } from './import-items.schemas';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const tooLarge = () =>
  new DomainError(
    'SHEET_FILE_TOO_LARGE',
    'too_large',
    `Tệp quá lớn: tối đa ${megabytes(SHEET_MAX_BYTES)}. Hãy xoá các trang tính, hình ảnh không cần hoặc chia thành nhiều tệp.`,
    `The file is too large: at most ${megabytes(SHEET_MAX_BYTES)}. Remove unneeded sheets and pictures, or split it.`,
    { field: 'file', maxBytes: SHEET_MAX_BYTES },
  );

const badUpload = () =>
  new DomainError(
    'SHEET_UPLOAD_INVALID',
    'invalid',
    'Gửi một tệp bảng tính trong trường "file" (multipart/form-data).',
    'Send one spreadsheet file in the "file" field (multipart/form-data).',
    { field: 'file' },
  );

/** One file in "file", kept in memory, at most SHEET_MAX_BYTES; multer's refusals as the API's own errors. */
const Multer = FileInterceptor('file', {
  limits: { fileSize: SHEET_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
});

@Injectable()
export class SheetUploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof HttpException)
        throw error.getStatus() === Number(HttpStatus.PAYLOAD_TOO_LARGE) ? tooLarge() : badUpload();
      throw error;
    }
  }
}
