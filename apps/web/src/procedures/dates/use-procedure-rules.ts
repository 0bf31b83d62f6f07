import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type ProcedureRules =
  paths['/api/procedures/rules']['get']['responses'][200]['content']['application/json'];

/**
 * The date rules a start enforces (GET /api/procedures/rules: the window of the effective date and of the
 * ceremony as of today). Read again every ten minutes: a form left open overnight gets the new day's window.
 */
export const useProcedureRules = () =>
  useQuery({
    queryKey: ['procedure-rules'],
    staleTime: 300_000,
    refetchInterval: 600_000,
    queryFn: () => unwrap(api.GET('/api/procedures/rules')),
  });
