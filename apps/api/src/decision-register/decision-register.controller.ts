import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiQueryFrom, ApiResult } from '../common/openapi/api-responses';
import { TABLE_CONTENT_TYPES } from '../common/export/table-file';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ApiTableFile, sendTable } from '../registry/registry-browser.controller';
import {
  type RegisterExportQuery,
  type RegisterQuery,
  registerExportQuerySchema,
  registerQuerySchema,
} from '../registry/registry-browser.schemas';
import { registerPageSchema } from '../registry/registry-browser.responses';
import { DecisionRegisterUseCases } from './decision-register.use-cases';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/wards/:wardCode/register')
export class DecisionRegisterController {
  constructor(@Inject(DecisionRegisterUseCases) private readonly register: DecisionRegisterUseCases) {}

  @Get()
  @ApiResult(registerPageSchema)
  @ApiOperation({
    summary:
      'Sổ đăng ký văn bản: nghị quyết, quyết định đã ban hành theo số / The decision register, by number',
  })
  @ApiQueryFrom(registerQuerySchema)
  @ApiResponse({ status: 404, description: 'No such ward' })
  list(
    @CurrentActor() actor: Actor,
    @Param('wardCode') wardCode: string,
    @Query(new ZodValidationPipe(registerQuerySchema)) query: RegisterQuery,
  ) {
    return this.register.list(actor, wardCode, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Tải sổ đăng ký văn bản (.xlsx, .csv) / Download the register' })
  @ApiQueryFrom(registerExportQuerySchema)
  @ApiProduces(...Object.values(TABLE_CONTENT_TYPES))
  @ApiTableFile()
  @ApiResponse({ status: 404, description: 'No such ward' })
  @Header('Cache-Control', 'no-store')
  async export(
    @CurrentActor() actor: Actor,
    @Param('wardCode') wardCode: string,
    @Query(new ZodValidationPipe(registerExportQuerySchema)) query: RegisterExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    sendTable(res, await this.register.export(actor, wardCode, query));
  }
}
