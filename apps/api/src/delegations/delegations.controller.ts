import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor, Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { CreateDelegationUseCase } from './create-delegation.use-case';
import { type CreateDelegationBody, createDelegationSchema } from './delegation.schemas';
import { ListDelegationsUseCase } from './list-delegations.use-case';
import { ApiResult } from '../common/openapi/api-responses';
import { delegationListSchema, delegationSchema } from './delegation.responses';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    @Inject(CreateDelegationUseCase) private readonly create: CreateDelegationUseCase,
    @Inject(ListDelegationsUseCase) private readonly list: ListDelegationsUseCase,
  ) {}

  @Post()
  @ApiResult(delegationSchema, 201, 'Created')
  @ApiOperation({
    summary: 'Ủy quyền (quyền thư ký, rà soát, biểu quyết) trong một thời hạn / Delegate a role for a period',
  })
  @ApiBody({ schema: openApiSchema(createDelegationSchema) })
  createDelegation(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createDelegationSchema)) body: CreateDelegationBody,
  ) {
    return this.create.execute(ctx, body);
  }

  @Get()
  @ApiResult(delegationListSchema)
  @ApiOperation({ summary: 'Ủy quyền của tôi (đã giao và được nhận) / Delegations given and received' })
  mine(@CurrentActor() actor: Actor) {
    return this.list.execute(actor);
  }
}
