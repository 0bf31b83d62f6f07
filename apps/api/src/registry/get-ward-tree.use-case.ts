import { Inject, Injectable } from '@nestjs/common';
import { countOrganizations } from '@kientoan/domain';
import { type PrismaClient, loadSnapshot, treeOf } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';

@Injectable()
export class GetWardTreeUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(wardCode: string, asOf?: string) {
    const ward = await this.prisma.ward.findUnique({ where: { code: wardCode } });
    if (!ward) throw RegistryErrors.wardNotFound(wardCode);
    const snapshot = await loadSnapshot(this.prisma, wardCode, asOf);
    return {
      ward: { code: ward.code, name: ward.name, kind: ward.kind },
      asOf: asOf ?? null,
      organizations: countOrganizations(snapshot),
      tree: treeOf(snapshot),
    };
  }
}
