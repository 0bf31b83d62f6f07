import { Module } from '@nestjs/common';
import { PreviewResolutionUseCase } from './preview-resolution.use-case';
import { GetUnitUseCase } from './get-unit.use-case';
import { GetWardTreeUseCase } from './get-ward-tree.use-case';
import { ListWardsUseCase } from './list-wards.use-case';
import { SearchUnitsUseCase } from './search-units.use-case';
import { RegistryController } from './registry.controller';
import { ResolutionPlanner } from './resolution-planner';

@Module({
  controllers: [RegistryController],
  providers: [
    ListWardsUseCase,
    GetWardTreeUseCase,
    GetUnitUseCase,
    SearchUnitsUseCase,
    PreviewResolutionUseCase,
    ResolutionPlanner,
  ],
  exports: [ResolutionPlanner],
})
export class RegistryModule {}
