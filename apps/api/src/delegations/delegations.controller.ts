import { Body, Controller, Delete, Get, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ActorWritesInterceptor } from '../auth/actor-writes.interceptor';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor, Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiResponseSchema, openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { CreateDelegationUseCase } from './create-delegation.use-case';
import {
  type CreateDelegationBody,
  createDelegationSchema,
  delegationIdSchema,
  delegationListSchema,
  delegationSchema,
} from './delegation.schemas';
import { ListDelegationsUseCase } from './list-delegations.use-case';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case';

@ApiTags('delegations')
@ApiBearerAuth()
@UseInterceptors(ActorWritesInterceptor)
@Controller('delegations')
export class DelegationsController {
  constructor(
    @Inject(CreateDelegationUseCase) private readonly create: CreateDelegationUseCase,
    @Inject(ListDelegationsUseCase) private readonly list: ListDelegationsUseCase,
    @Inject(RevokeDelegationUseCase) private readonly revokeUseCase: RevokeDelegationUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Ủy quyền (quyền thư ký, rà soát, biểu quyết) trong một thời hạn / Delegate a role for a period (from now, at most DELEGATION_MAX_DAYS)',
  })
  @ApiBody({ schema: openApiSchema(createDelegationSchema) })
  @ApiResponse({ status: 201, description: 'Created', schema: openApiResponseSchema(delegationSchema) })
  @ApiResponse({ status: 400, description: 'DELEGATION_STARTS_IN_PAST, DELEGATION_TOO_LONG, …' })
  @ApiResponse({ status: 403, description: 'NOT_ROLE_HOLDER' })
  createDelegation(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(createDelegationSchema)) body: CreateDelegationBody,
  ) {
    return this.create.execute(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: 'Ủy quyền của tôi (đã giao và được nhận) / Delegations given and received' })
  @ApiResponse({
    status: 200,
    description: 'Given and received',
    schema: openApiResponseSchema(delegationListSchema),
  })
  mine(@CurrentActor() actor: Actor) {
    return this.list.execute(actor);
  }

  @Delete(':id')
  @ApiOperation({
    summary:
      'Thu hồi ủy quyền (người ủy quyền, quản trị, giám sát) / Revoke a delegation: it stops working at once',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({
    status: 200,
    description: 'Revoked (or already ended)',
    schema: openApiResponseSchema(delegationSchema),
  })
  @ApiResponse({ status: 403, description: 'DELEGATION_REVOKE_FORBIDDEN' })
  @ApiResponse({ status: 404, description: 'DELEGATION_NOT_FOUND' })
  revoke(@Ctx() ctx: RequestContext, @Param('id', new ZodValidationPipe(delegationIdSchema)) id: string) {
    return this.revokeUseCase.execute(ctx, id);
  }
}
