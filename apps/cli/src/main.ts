/**
 * Command-line tools: `seed [--seed N]` generates the city registry (and, outside production, the demo
 * accounts); `import <ward-code> <file.csv|file.xlsx> [--effective YYYY-MM-DD]` loads a ward's units from a spreadsheet
 * export; `bootstrap-admin`, `account …`, `committee …`, `congress …`, `import-accounts`, `import-committee` administer
 * accounts and standing committees (see ACCOUNT_USAGE).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createPrismaClient, validateEnvironment } from '@kientoan/platform';
import { ACCOUNT_USAGE, runAccountCommand } from './accounts/account-commands.command';
import { CONGRESS_USAGE, runCongressCommand } from './congresses/congress-commands.command';
import { runImport } from './import/import-units.command';
import { seedCity } from './seed/seed-city.command';
import { seedDemoAccounts } from './seed/demo-accounts';

const USAGE = `usage:\n  cli seed [--seed N] [--no-demo-accounts]\n  cli import <ward-code> <file.csv|file.xlsx> [--effective YYYY-MM-DD]\n  ${ACCOUNT_USAGE}\n  ${CONGRESS_USAGE}`;

const option = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

async function main(args: string[]): Promise<number> {
  const env = validateEnvironment(process.env);
  const prisma = createPrismaClient({ url: env.DATABASE_URL, poolSize: 4 });
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'seed': {
        const seed = Number(option(rest, '--seed') ?? 2025);
        if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
        await seedCity(prisma, seed);
        // Demo accounts (one shared, published password) exist for local development only.
        if (env.NODE_ENV === 'production')
          new Logger('seed').log(
            'NODE_ENV=production: no demo accounts (create the first admin: bootstrap-admin)',
          );
        else if (!rest.includes('--no-demo-accounts')) await seedDemoAccounts(prisma);
        return 0;
      }
      case 'import': {
        const [wardCode, file] = rest;
        if (!wardCode || !file) throw new Error(USAGE);
        return await runImport(
          prisma,
          wardCode,
          file,
          option(rest, '--effective') ?? new Date().toISOString().slice(0, 10),
        );
      }
      case 'congress':
        return await runCongressCommand(prisma, rest);
      case 'bootstrap-admin':
      case 'account':
      case 'committee':
      case 'import-accounts':
      case 'import-committee':
        return await runAccountCommand(prisma, command, rest);
      default:
        throw new Error(USAGE);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    new Logger('cli').error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
