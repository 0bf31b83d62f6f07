import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiQueryFrom, ApiResult } from '../../common/openapi/api-responses';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe';
import { cityBoardSchema, completionProjectionSchema } from '../supervision.responses';
import {
  type BoardQuery,
  type ProjectionQuery,
  boardQuerySchema,
  projectionQuerySchema,
} from '../supervision.schemas';
import { CityBoardUseCase } from './city-board.use-case';
import { CompletionProjectionUseCase } from './completion-projection.use-case';

@ApiTags('supervision')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Supervisors only' })
@Controller('supervision/board')
export class SupervisionBoardController {
  constructor(
    @Inject(CityBoardUseCase) private readonly board: CityBoardUseCase,
    @Inject(CompletionProjectionUseCase) private readonly projection: CompletionProjectionUseCase,
  ) {}

  @Get()
  @ApiResult(cityBoardSchema)
  @ApiQueryFrom(boardQuerySchema)
  @ApiOperation({
    summary:
      'Bảng theo dõi toàn thành phố: 126 xã, phường / City board: running by step, overdue, stalled, completed this week',
  })
  cityBoard(@CurrentActor() actor: Actor, @Query(new ZodValidationPipe(boardQuerySchema)) query: BoardQuery) {
    return this.board.execute(actor, query);
  }

  @Get('projection')
  @ApiResult(completionProjectionSchema)
  @ApiQueryFrom(projectionQuerySchema)
  @ApiOperation({
    summary:
      'Xã, phường sẽ trễ ngày mục tiêu, kèm lý do / Wards that will miss a target date, with the reason',
  })
  projectionFor(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(projectionQuerySchema)) query: ProjectionQuery,
  ) {
    return this.projection.execute(actor, query);
  }
}
