/**
 * Demo accounts for the five places of the seed report (README lists them): a secretary, a reviewer and three
 * standing-committee members each, plus a city supervisor and an admin. One shared demo password. Idempotent.
 * For local development only: marked `demo`, so an API in production mode refuses them, and `seed` does not
 * create them when NODE_ENV is production.
 */
import { Logger } from '@nestjs/common';
import { type PrismaClient, hashPassword } from '@kientoan/platform';

export const DEMO_PASSWORD = 'kientoan-demo';

const PLACES: readonly [slug: string, wardCode: string][] = [
  ['kimlien', 'phuong-kim-lien'],
  ['vanmieu', 'phuong-van-mieu-quoc-tu-giam'],
  ['danphuong', 'xa-dan-phuong'],
  ['phucloc', 'xa-phuc-loc'],
  ['ochodua', 'phuong-o-cho-dua'],
];

export const seedDemoAccounts = async (
  prisma: PrismaClient,
  logger = new Logger('seed'),
): Promise<number> => {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: {
    id: string;
    displayName: string;
    memberId?: string;
    supervisor?: boolean;
    admin?: boolean;
    ward?: string;
    role?: 'secretary' | 'reviewer';
  }[] = [
    { id: 'giamsat', displayName: 'Giám sát Thành ủy', supervisor: true },
    { id: 'quantri', displayName: 'Quản trị hệ thống', admin: true },
  ];
  for (const [slug, ward] of PLACES) {
    accounts.push({ id: `bithu.${slug}`, displayName: `Bí thư (${slug})`, ward, role: 'secretary' });
    accounts.push({
      id: `vanphong.${slug}`,
      displayName: `Văn phòng Đảng ủy (${slug})`,
      ward,
      role: 'reviewer',
    });
    for (let i = 1; i <= 3; i += 1)
      accounts.push({
        id: `uyvien${i}.${slug}`,
        displayName: `Ủy viên Ban Thường vụ ${i} (${slug})`,
        memberId: `${ward}-btv-0${i}`,
      });
  }
  for (const a of accounts) {
    await prisma.userAccount.upsert({
      where: { id: a.id },
      create: {
        id: a.id,
        username: a.id,
        displayName: a.displayName,
        passwordHash,
        supervisor: a.supervisor ?? false,
        admin: a.admin ?? false,
        memberId: a.memberId ?? null,
        demo: true,
      },
      update: { demo: true },
    });
    if (a.ward && a.role) {
      await prisma.userWardRole.upsert({
        where: { userId_wardCode_role: { userId: a.id, wardCode: a.ward, role: a.role } },
        create: { userId: a.id, wardCode: a.ward, role: a.role },
        update: {},
      });
    }
  }
  logger.log(
    `${accounts.length} demo accounts ready (password "${DEMO_PASSWORD}"), for local development only: refused when NODE_ENV=production`,
  );
  return accounts.length;
};
