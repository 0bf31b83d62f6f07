import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiQueryFrom, ApiResult } from '../common/openapi/api-responses';
import { TABLE_CONTENT_TYPES, type TableFile } from '../common/export/table-file';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ExportWardTreeUseCase } from './export-ward-tree.use-case';
import { GetLineageUseCase } from './get-lineage.use-case';
import { lineageQuerySchema, treeExportQuerySchema } from './registry-browser.schemas';
import { lineageGraphSchema } from './registry-browser.responses';

/** A spreadsheet download, with its file name (UTF-8 as filename*). */
export const sendTable = (res: Response, file: TableFile) => {
  res.type(file.contentType).attachment(file.fileName).send(file.body);
};

export const ApiTableFile = () =>
  ApiResponse({
    status: 200,
    description: '.xlsx or .csv (UTF-8 with BOM, `;`-separated, CRLF)',
    content: Object.fromEntries(
      Object.values(TABLE_CONTENT_TYPES).map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  });

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryBrowserController {
  constructor(
    @Inject(ExportWardTreeUseCase) private readonly exportTree: ExportWardTreeUseCase,
    @Inject(GetLineageUseCase) private readonly getLineage: GetLineageUseCase,
  ) {}

  @Get('wards/:wardCode/tree/export')
  @ApiOperation({
    summary: 'Tải cây tổ chức tại một ngày (.xlsx, .csv) / Download a ward’s tree as of a date',
  })
  @ApiQueryFrom(treeExportQuerySchema)
  @ApiProduces(...Object.values(TABLE_CONTENT_TYPES))
  @ApiTableFile()
  @ApiResponse({ status: 404, description: 'No such ward' })
  @Header('Cache-Control', 'no-store')
  async treeExport(
    @CurrentActor() actor: Actor,
    @Param('wardCode') wardCode: string,
    @Query(new ZodValidationPipe(treeExportQuerySchema)) query: z.output<typeof treeExportQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    sendTable(res, await this.exportTree.execute(actor, wardCode, query.format, query.asOf));
  }

  @Get('units/:unitId/lineage')
  @ApiResult(lineageGraphSchema)
  @ApiOperation({
    summary: 'Nguồn gốc: đổi tên, nâng cấp, sáp nhập (đồ thị) / Lineage as a graph',
  })
  @ApiQueryFrom(lineageQuerySchema)
  @ApiResponse({ status: 404, description: 'No such unit' })
  lineage(
    @CurrentActor() actor: Actor,
    @Param('unitId') unitId: string,
    @Query(new ZodValidationPipe(lineageQuerySchema)) query: z.output<typeof lineageQuerySchema>,
  ) {
    return this.getLineage.execute(actor, unitId, query.hops);
  }
}
