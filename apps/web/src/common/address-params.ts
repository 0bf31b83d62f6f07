import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the address (back from a detail page they are as they were, and a link can be
 * shared): `get` reads one, `set` writes or (empty) removes one, replacing the history entry.
 */
export const useAddressParams = () => {
  const [params, setParams] = useSearchParams();
  const get = (key: string): string | undefined => params.get(key) ?? undefined;
  /** `push`: a new history entry (back returns to before it), for what opens rather than filters. */
  const set = (key: string, value: string | undefined, { push = false }: { push?: boolean } = {}) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      // At once, not in a transition: a ticked checkbox shows ticked (controlled by the address) on the click.
      { replace: !push, flushSync: true },
    );
  return { get, set };
};

/** The value when it is one of the list, else undefined (an address can hold anything). */
export const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
