import { Body, Controller, Get, Inject, Param, Put, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type SetWardCongresses, setWardCongressesSchema, wardCodeSchema } from '@kientoan/platform';
import { ActorWritesInterceptor } from '../auth/actor-writes.interceptor';
import { Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiResponseSchema, openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { wardCongressesViewSchema } from './admin.schemas';
import { GetWardCongressesUseCase, SetWardCongressesUseCase } from './congress-admin.use-cases';

const wardCode = new ZodValidationPipe(wardCodeSchema);
const VIEW = { description: 'The congresses', schema: openApiResponseSchema(wardCongressesViewSchema) };

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Admins only' })
@UseInterceptors(ActorWritesInterceptor)
@Controller('admin/wards/:wardCode/congresses')
export class AdminCongressesController {
  constructor(
    @Inject(GetWardCongressesUseCase) private readonly getUseCase: GetWardCongressesUseCase,
    @Inject(SetWardCongressesUseCase) private readonly setUseCase: SetWardCongressesUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Các kỳ đại hội của xã, phường (mốc nhiệm kỳ đánh số văn bản) / A ward’s congresses: the committee terms its documents are numbered in',
  })
  @ApiResponse({ status: 200, ...VIEW })
  @ApiResponse({ status: 404, description: 'WARD_NOT_FOUND' })
  get(@Ctx() ctx: RequestContext, @Param('wardCode', wardCode) ward: string) {
    return this.getUseCase.execute(ctx, ward);
  }

  @Put()
  @ApiOperation({
    summary: 'Đặt các kỳ đại hội (cả danh sách) / Set a ward’s congresses (the whole list), audited',
    description:
      'Ordinals 1, 2 … with closing days in order (400 CONGRESSES_INVALID, every field named). 409 CONGRESS_MOVES_NUMBERED_DOCUMENTS when a document already numbered would fall in another term; 409 CONGRESS_RENAMES_NUMBERED_TERM when a name would give the term of numbered documents other years ("nhiệm kỳ 2025 - 2030") than their texts cite. A name that gives no term opens five years from its closing year.',
  })
  @ApiBody({ schema: openApiSchema(setWardCongressesSchema) })
  @ApiResponse({ status: 200, ...VIEW })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, CONGRESSES_INVALID' })
  @ApiResponse({ status: 404, description: 'WARD_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    description: 'CONGRESS_MOVES_NUMBERED_DOCUMENTS, CONGRESS_RENAMES_NUMBERED_TERM',
  })
  set(
    @Ctx() ctx: RequestContext,
    @Param('wardCode', wardCode) ward: string,
    @Body(new ZodValidationPipe(setWardCongressesSchema)) body: SetWardCongresses,
  ) {
    return this.setUseCase.execute(ctx, ward, body);
  }
}
