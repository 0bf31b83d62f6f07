#!/bin/sh
# Stand-in for Prisma's native schema engine on machines that cannot download it (see prisma.config.ts).
echo "kientoan: Prisma's native schema engine is not installed on this machine, so 'prisma migrate' and 'prisma db'" >&2
echo "cannot run here. Use 'npm run db:migrate' (Wasm schema engine), or on a connected machine run the CLI with" >&2
echo "KIENTOAN_PRISMA_ENGINE=download so that Prisma downloads its engine." >&2
exit 1
