import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useRegistryWard } from './registry-api';

/** The ward a registry page shows, searchable by name (a supervisor chooses among all 126). */
export function WardSelect({
  choice,
}: {
  choice: Pick<ReturnType<typeof useRegistryWard>, 'ward' | 'setWard' | 'options'>;
}) {
  const { t } = useTranslation();
  return (
    <Select
      showSearch
      optionFilterProp="label"
      aria-label={t('registry.ward')}
      placeholder={t('registry.ward')}
      style={{ minWidth: 220 }}
      value={choice.ward ?? undefined}
      onChange={choice.setWard}
      options={choice.options}
    />
  );
}
