import { Module } from '@nestjs/common';
import { DecisionRegisterController } from './decision-register.controller';
import { DecisionRegisterUseCases } from './decision-register.use-cases';

@Module({ controllers: [DecisionRegisterController], providers: [DecisionRegisterUseCases] })
export class DecisionRegisterModule {}
