import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** One page of a keyset-paged list answer: its rows and the cursor of the next page (null on the last). */
export interface KeysetPage<T> {
  readonly items: readonly T[];
  readonly next?: string | null;
}

/**
 * A list read a page at a time with the API's keyset cursor (`after` = the previous page's `next`): the
 * inbox, the ward's procedures, the admin's accounts and audit log. `items` are the pages so far, in order.
 */
export const useKeysetList = <P extends KeysetPage<unknown>>({
  queryKey,
  fetchPage,
  refetchInterval,
  enabled = true,
}: {
  queryKey: QueryKey;
  fetchPage: (after: string | undefined) => Promise<P>;
  refetchInterval?: number;
  enabled?: boolean;
}) => {
  const list = useInfiniteQuery({
    queryKey,
    enabled,
    refetchInterval,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items: P['items'][number][] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return { list, items, first: list.data?.pages[0] };
};

/** "Load more" under a keyset list, while there is a next page. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
}) {
  const { t } = useTranslation();
  return list.hasNextPage ? (
    <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {t('common.loadMore')}
    </Button>
  ) : null;
}
