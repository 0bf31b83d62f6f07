import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor, Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { DOCUMENT_CONTENT_SECURITY_POLICY } from '../common/http/content-security-policy';
import type { Response } from 'express';
import type { z } from 'zod';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { AcknowledgeAnnouncementUseCase } from './acknowledge-announcement.use-case';
import { ProcedureDocumentsUseCase } from './procedure-documents.use-case';
import {
  acknowledgeSchema,
  documentPositionSchema,
  documentTypeSchema,
  procedureIdSchema,
  versionSchema,
  withdrawDocumentSchema,
} from './procedure.schemas';
import { ApiResult } from '../common/openapi/api-responses';
import {
  acknowledgementSchema,
  documentSetSchema,
  draftDiffSchema,
  draftListSchema,
  draftSchema,
  withdrawnDocumentSchema,
} from './procedure.responses';
import { documentFormatSchema } from './procedure-documents.schemas';
import type { DocumentFile } from './document-renderers/document-files';

const procedureId = new ZodValidationPipe(procedureIdSchema);
const version = new ZodValidationPipe(versionSchema);

@ApiTags('documents')
@ApiBearerAuth()
@Controller('procedures/:id')
export class ProcedureDocumentsController {
  constructor(
    @Inject(ProcedureDocumentsUseCase) private readonly documents: ProcedureDocumentsUseCase,
    @Inject(AcknowledgeAnnouncementUseCase)
    private readonly acknowledgeAnnouncement: AcknowledgeAnnouncementUseCase,
  ) {}

  @Get('drafts')
  @ApiResult(draftListSchema)
  @ApiOperation({ summary: 'Các phiên bản dự thảo / Draft versions' })
  drafts(@CurrentActor() actor: Actor, @Param('id', procedureId) id: string) {
    return this.documents.drafts(actor, id);
  }

  @Get('drafts/:version')
  @ApiResult(draftSchema)
  @ApiOperation({ summary: 'Một phiên bản dự thảo / One draft version' })
  draft(
    @CurrentActor() actor: Actor,
    @Param('id', procedureId) id: string,
    @Param('version', version) v: number,
  ) {
    return this.documents.draft(actor, id, v);
  }

  @Get('drafts/:from/diff/:to')
  @ApiResult(draftDiffSchema)
  @ApiOperation({ summary: 'So sánh hai phiên bản dự thảo / Line diff between two versions' })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', procedureId) id: string,
    @Param('from', version) from: number,
    @Param('to', version) to: number,
  ) {
    return this.documents.diff(actor, id, from, to);
  }

  @Get('documents')
  @ApiResult(documentSetSchema)
  @ApiOperation({
    summary:
      'Bộ văn bản của thủ tục: nghị quyết và các quyết định, số, đơn vị nhận / The procedure’s document set',
  })
  list(@CurrentActor() actor: Actor, @Param('id', procedureId) id: string) {
    return this.documents.list(actor, id);
  }

  @Post('documents/:position/withdraw')
  @ApiResult(withdrawnDocumentSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Thu hồi một văn bản đã ban hành (giữ trong sổ, số không dùng lại) / Withdraw an issued document (it stays in the register; its number is never reused)',
  })
  @ApiBody({ schema: openApiSchema(withdrawDocumentSchema) })
  withdraw(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Param('position', new ZodValidationPipe(documentPositionSchema)) position: number,
    @Body(new ZodValidationPipe(withdrawDocumentSchema)) body: z.output<typeof withdrawDocumentSchema>,
  ) {
    return this.documents.withdraw(ctx, id, position, body.reason);
  }

  // Declared before documents/:type so that the bundle is not read as a document type.
  @Get('documents/bundle.zip')
  @ApiOperation({
    summary:
      'Tất cả văn bản của thủ tục (PDF, Word, HTML) trong một tệp zip / Every document of the procedure as one zip',
  })
  @ApiProduces('application/zip')
  @Header('Cache-Control', 'no-store')
  async bundle(
    @CurrentActor() actor: Actor,
    @Param('id', procedureId) id: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.documents.bundle(actor, id));
  }

  @Get('documents/:type/annex.xlsx')
  @ApiOperation({
    summary:
      'Phụ lục danh sách của văn bản đã ban hành (.xlsx) / The issued document’s annex list as a spreadsheet',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiResponse({ status: 404, description: 'Not issued yet, or DOCUMENT_HAS_NO_ANNEX' })
  @Header('Cache-Control', 'no-store')
  async annex(
    @CurrentActor() actor: Actor,
    @Param('id', procedureId) id: string,
    @Param('type', new ZodValidationPipe(documentTypeSchema)) type: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.documents.annex(actor, id, type));
  }

  @Get('documents/:type')
  @ApiOperation({
    summary:
      'Một văn bản đã ban hành ("resolution", "decision" hoặc số thứ tự trong bộ): HTML in được, văn bản thuần, Word hoặc PDF / One issued document ("resolution", "decision" or its position in the set) as HTML, text, Word or PDF',
  })
  @ApiProduces(
    'text/html',
    'text/plain',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
  )
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'text', 'docx', 'pdf'] })
  @Header('Cache-Control', 'no-store')
  async document(
    @CurrentActor() actor: Actor,
    @Param('id', procedureId) id: string,
    @Param('type', new ZodValidationPipe(documentTypeSchema)) type: string,
    @Query(new ZodValidationPipe(documentFormatSchema)) query: z.output<typeof documentFormatSchema>,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.documents.document(actor, id, type, query.format);
    send(res, file, query.format === 'docx' || query.format === 'pdf');
  }

  @Post('announcement/acknowledgements')
  @ApiResult(acknowledgementSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đơn vị xác nhận đã nhận thông báo / A unit acknowledges the announcement' })
  @ApiBody({ schema: openApiSchema(acknowledgeSchema) })
  acknowledge(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(acknowledgeSchema)) body: z.output<typeof acknowledgeSchema>,
  ) {
    return this.acknowledgeAnnouncement.execute(ctx, id, body);
  }
}

/** Word, PDF and zip files download with their name; HTML and text open in the browser. */
const send = (res: Response, file: DocumentFile, download = true) => {
  // A document never runs scripts, whatever its text holds (printable HTML included).
  res.type(file.contentType).setHeader('Content-Security-Policy', DOCUMENT_CONTENT_SECURITY_POLICY);
  if (download) res.attachment(file.fileName);
  res.send(file.body);
};
