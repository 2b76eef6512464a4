#!/bin/sh
echo "The Prisma CLI's native schema engine is not used by this project: run 'npm run db:migrate' (offline Wasm engine)." >&2
exit 1
