import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiResult, errorResponseSchema } from '../../common/openapi/api-responses';
import { openApiSchema } from '../../common/validation/openapi-schema';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe';
import {
  type ImportItemsForm,
  SHEET_MAX_BYTES,
  importItemsFormSchema,
  importItemsRequestOpenApi,
  importedItemsSchema,
  templateQuerySchema,
} from './import-items.schemas';
import { ImportItemsUseCase, type UploadedSheet } from './import-items.use-case';
import { TEMPLATE_FILE_NAME, itemsTemplateCsv, itemsTemplateXlsx } from './items-template';
import { SheetUploadInterceptor } from './sheet-upload.interceptor';

const error = (status: number, description: string) =>
  ApiResponse({ status, description, schema: openApiSchema(errorResponseSchema, 'output') });

/** Resolution items from a spreadsheet (.xlsx, .csv), and the blank template to fill in. */
@ApiTags('procedures')
@ApiBearerAuth()
@Controller('procedures/items')
export class ImportItemsController {
  constructor(@Inject(ImportItemsUseCase) private readonly importItems: ImportItemsUseCase) {}

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(SheetUploadInterceptor)
  @ApiOperation({
    summary:
      'Đọc danh sách tổ chức từ bảng tính (.xlsx, .csv) thành các mục của nghị quyết; không lưu gì / Read resolution items from a spreadsheet; stores nothing',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: importItemsRequestOpenApi as never })
  @ApiResult(importedItemsSchema, 200, 'Every row read; the items as POST /api/procedures takes them')
  @error(
    400,
    'SHEET_ROWS_INVALID (every bad row: errors[].field "rows[<row>].<column>", details.rows), SHEET_UNREADABLE, SHEET_EMPTY, SHEET_FILE_MISSING, VALIDATION_FAILED',
  )
  @error(401, 'No or invalid bearer token')
  @error(403, 'Not a secretary of this ward')
  @error(404, 'No such ward')
  @error(
    413,
    `SHEET_FILE_TOO_LARGE (over ${SHEET_MAX_BYTES} bytes), SHEET_TOO_LARGE (unpacks to too much), SHEET_TOO_MANY_ROWS`,
  )
  @error(415, 'SHEET_UNSUPPORTED_TYPE (not an .xlsx or .csv file), SHEET_OLD_EXCEL (.xls)')
  import(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(importItemsFormSchema)) form: ImportItemsForm,
    @UploadedFile() file: UploadedSheet | undefined,
  ) {
    return this.importItems.execute(actor, form, file);
  }

  @Get('template')
  @ApiOperation({
    summary:
      'Mẫu bảng tính để nhập danh sách (tiêu đề cột tiếng Việt) / The blank spreadsheet template with Vietnamese headings',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['xlsx', 'csv'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @Header('Cache-Control', 'no-store')
  async template(
    @Query(new ZodValidationPipe(templateQuerySchema)) query: z.output<typeof templateQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${TEMPLATE_FILE_NAME}.csv`).send(itemsTemplateCsv());
      return;
    }
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${TEMPLATE_FILE_NAME}.xlsx`)
      .send(await itemsTemplateXlsx());
  }
}
