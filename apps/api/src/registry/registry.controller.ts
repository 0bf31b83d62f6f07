import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, authorize } from '@kientoan/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { z } from 'zod';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { PreviewResolutionUseCase } from './preview-resolution.use-case';
import { GetUnitUseCase } from './get-unit.use-case';
import { GetWardTreeUseCase } from './get-ward-tree.use-case';
import { ListWardsUseCase } from './list-wards.use-case';
import { SearchUnitsUseCase } from './search-units.use-case';
import {
  type PreviewBody,
  previewSchema,
  searchQuerySchema,
  treeQuerySchema,
  wardListQuerySchema,
} from './resolution-items.schema';
import { ApiResult } from '../common/openapi/api-responses';
import {
  previewResponseSchema,
  unitDetailSchema,
  unitSearchSchema,
  wardListSchema,
  wardTreeSchema,
} from './registry.responses';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(
    @Inject(ListWardsUseCase) private readonly listWards: ListWardsUseCase,
    @Inject(GetWardTreeUseCase) private readonly wardTree: GetWardTreeUseCase,
    @Inject(GetUnitUseCase) private readonly getUnit: GetUnitUseCase,
    @Inject(SearchUnitsUseCase) private readonly search: SearchUnitsUseCase,
    @Inject(PreviewResolutionUseCase) private readonly preview: PreviewResolutionUseCase,
  ) {}

  @Get('wards')
  @ApiResult(wardListSchema)
  @ApiOperation({ summary: 'Danh sách 126 xã, phường / The communes and wards' })
  @ApiQuery({ name: 'sort', required: false, enum: ['ordinal', 'name'] })
  @ApiQuery({ name: 'kind', required: false, enum: ['phuong', 'xa'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  wards(@Query(new ZodValidationPipe(wardListQuerySchema)) query: z.output<typeof wardListQuerySchema>) {
    return this.listWards.execute(query);
  }

  @Get('wards/:wardCode/tree')
  @ApiResult(wardTreeSchema)
  @ApiOperation({ summary: 'Cây tổ chức đảng của xã, phường tại một ngày / A ward’s tree as of a date' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD (default: now)' })
  @ApiResponse({ status: 404, description: 'No such ward' })
  tree(
    @CurrentActor() actor: Actor,
    @Param('wardCode') wardCode: string,
    @Query(new ZodValidationPipe(treeQuerySchema)) query: z.output<typeof treeQuerySchema>,
  ) {
    authorize(actor, 'registry.read', wardCode);
    return this.wardTree.execute(wardCode, query.asOf);
  }

  @Get('units/search')
  @ApiResult(unitSearchSchema)
  @ApiOperation({ summary: 'Tìm tổ chức đảng (không phân biệt dấu, hoa thường) / Search units' })
  @ApiQuery({ name: 'q', required: true, example: 'chi bo 5' })
  @ApiQuery({ name: 'wardCode', required: false })
  @ApiQuery({ name: 'includeDissolved', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  searchUnits(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(searchQuerySchema)) query: z.output<typeof searchQuerySchema>,
  ) {
    return this.search.execute(actor, query);
  }

  @Get('units/:unitId')
  @ApiResult(unitDetailSchema)
  @ApiOperation({ summary: 'Tổ chức đảng, lịch sử và nguồn gốc / A unit with its history and lineage' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD: also return the unit as it was then' })
  @ApiResponse({ status: 404, description: 'No such unit' })
  unit(
    @CurrentActor() actor: Actor,
    @Param('unitId') unitId: string,
    @Query(new ZodValidationPipe(treeQuerySchema)) query: z.output<typeof treeQuerySchema>,
  ) {
    return this.getUnit.execute(actor, unitId, query.asOf);
  }

  @Post('preview')
  @ApiResult(previewResponseSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Xem trước nghị quyết: cây trước/sau, không ghi gì / Preview a resolution (writes nothing)',
  })
  @ApiBody({
    schema: openApiSchema(previewSchema),
    examples: {
      rename: {
        value: {
          wardCode: 'phuong-o-cho-dua',
          items: [{ kind: 'rename', unitId: 'phuong-o-cho-dua.tdp6', newName: 'Chi bộ Tổ dân phố số 34' }],
        },
      },
    },
  })
  @ApiResponse({
    status: 400,
    description: 'Every rule the resolution breaks, as field errors (items[i].field)',
  })
  previewResolution(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(previewSchema)) body: PreviewBody,
  ) {
    authorize(actor, 'registry.preview', body.wardCode);
    return this.preview.execute(body);
  }
}
