import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { components, paths } from '../api/schema';
import { useSession } from './session-store';

export type Actor = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type WardRole = Actor['wardRoles'][string][number];
export type { components };

/** The signed-in account and its roles (null when signed out). */
export const useMe = () => {
  const session = useSession();
  return useQuery({
    queryKey: ['me', session?.refreshToken ?? null],
    enabled: session !== null,
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/auth/me')),
  });
};

export const hasRole = (actor: Actor | undefined, ward: string | null, role: WardRole): boolean =>
  !!actor && !!ward && (actor.wardRoles[ward] ?? []).includes(role);
