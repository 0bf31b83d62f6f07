import { useEffect, useSyncExternalStore } from 'react';
import type { Actor } from './use-me';

/** The ward the user works in now (one account may hold roles in several); remembered across visits. */
const KEY = 'kientoan.ward';
const listeners = new Set<() => void>();
let current: string | null = localStorage.getItem(KEY);

export const setCurrentWard = (ward: string) => {
  current = ward;
  localStorage.setItem(KEY, ward);
  listeners.forEach((l) => l());
};

export const useCurrentWard = (actor: Actor | undefined): string | null => {
  const chosen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  const wards = actor ? Object.keys(actor.wardRoles) : [];
  const ward = chosen && wards.includes(chosen) ? chosen : (wards[0] ?? null);
  useEffect(() => {
    if (ward && ward !== chosen) setCurrentWard(ward);
  }, [ward, chosen]);
  return ward;
};
