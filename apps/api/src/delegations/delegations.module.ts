import { Module } from '@nestjs/common';
import { CreateDelegationUseCase } from './create-delegation.use-case';
import { DelegationsController } from './delegations.controller';
import { ListDelegationsUseCase } from './list-delegations.use-case';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case';

@Module({
  controllers: [DelegationsController],
  providers: [CreateDelegationUseCase, ListDelegationsUseCase, RevokeDelegationUseCase],
})
export class DelegationsModule {}
