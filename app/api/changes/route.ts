import { readRoute } from '@/lib/auth/next/guards'
import { changeStreamResponse } from '@/lib/live/change-stream'

export const dynamic = 'force-dynamic'

// The change notices of the dashboard's live views, as server-sent events: the same guards as its JSON reads.
export const GET = readRoute('read', (request) => changeStreamResponse(request.signal))
