import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { usePollInterval } from '../live/use-live-updates';

export type Procedure = paths['/api/procedures/{id}']['get']['responses'][200]['content']['application/json'];

export const useProcedure = (id: string) => {
  const poll = usePollInterval(10_000);
  return useQuery({
    queryKey: ['procedure', id],
    refetchInterval: poll,
    queryFn: () => unwrap(api.GET('/api/procedures/{id}', { params: { path: { id } } })),
  });
};

/** Workflow steps run in the background: after an action, the projection catches up within moments. */
export const useProcedurePart = <T>(id: string, part: string, fn: () => Promise<T>, enabled = true) => {
  const poll = usePollInterval(10_000);
  return useQuery({ queryKey: ['procedure', id, part], queryFn: fn, enabled, refetchInterval: poll });
};
