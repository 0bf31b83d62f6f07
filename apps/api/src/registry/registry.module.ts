import { Module } from '@nestjs/common';
import { PreviewResolutionUseCase } from './preview-resolution.use-case';
import { GetUnitUseCase } from './get-unit.use-case';
import { GetWardTreeUseCase } from './get-ward-tree.use-case';
import { ListWardsUseCase } from './list-wards.use-case';
import { SearchUnitsUseCase } from './search-units.use-case';
import { RegistryController } from './registry.controller';
import { ResolutionPlanner } from './resolution-planner';
import { RegistryBrowserController } from './registry-browser.controller';
import { ExportWardTreeUseCase } from './export-ward-tree.use-case';
import { GetLineageUseCase } from './get-lineage.use-case';

@Module({
  controllers: [RegistryController, RegistryBrowserController],
  providers: [
    ListWardsUseCase,
    GetWardTreeUseCase,
    GetUnitUseCase,
    SearchUnitsUseCase,
    PreviewResolutionUseCase,
    ResolutionPlanner,
    ExportWardTreeUseCase,
    GetLineageUseCase,
  ],
  exports: [ResolutionPlanner],
})
export class RegistryModule {}
