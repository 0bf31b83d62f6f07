import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

const PAGE = 200;

/** Every commune and ward (126 in Hanoi: one request; more pages only where there are more, e.g. in tests). */
export const useAllWards = () =>
  useQuery({
    queryKey: ['wards', 'all'],
    staleTime: 3_600_000,
    queryFn: async () => {
      const names = new Map<string, string>();
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(
          api.GET('/api/registry/wards', { params: { query: { limit: PAGE, offset, sort: 'name' } } }),
        );
        page.items.forEach((w) => names.set(w.code, w.name));
        if (page.items.length < PAGE) return names;
      }
    },
  });

/** One of the 126 communes and wards, searchable by name or code (diacritics ignored). */
export function WardSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const { t } = useTranslation();
  const wards = useAllWards();
  const [typed, setTyped] = useState('');
  const options = [...(wards.data ?? new Map<string, string>()).entries()].map(([value, label]) => ({
    value,
    label,
    search: fold(`${label} ${value}`),
  }));
  // A code typed in full is offered as it stands (a ward outside the list, e.g. one just created): the API
  // answers WARD_NOT_FOUND if it does not exist.
  const code = typed.trim().toLowerCase();
  if (CODE.test(code) && !options.some((o) => o.value === code))
    options.push({ value: code, label: t('admin.common.wardCode', { code }), search: fold(code) });
  return (
    <Select<string>
      showSearch={{
        filterOption: (input, option) => {
          const search: unknown = option?.search;
          return typeof search === 'string' && search.includes(fold(input));
        },
        onSearch: setTyped,
      }}
      loading={wards.isPending}
      placeholder={t('admin.common.chooseWard')}
      options={options}
      {...props}
    />
  );
}

const CODE = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Lower case without diacritics ("Ô Chợ Dừa" → "o cho dua"), for searching. */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
