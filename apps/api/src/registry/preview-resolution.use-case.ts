import { Inject, Injectable } from '@nestjs/common';
import { previewResolution } from '@kientoan/domain';
import type { PreviewBody } from './resolution-items.schema';
import { ResolutionPlanner } from './resolution-planner';

/** Plans a resolution against the registry and shows the before/after diff. Writes nothing. */
@Injectable()
export class PreviewResolutionUseCase {
  constructor(@Inject(ResolutionPlanner) private readonly planner: ResolutionPlanner) {}

  async execute(body: PreviewBody) {
    const { snapshot, changeSet } = await this.planner.plan(body.wardCode, body.items, body.asOf);
    return { wardCode: body.wardCode, asOf: body.asOf ?? null, ...previewResolution(snapshot, changeSet) };
  }
}
