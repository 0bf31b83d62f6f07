import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/resources';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('layout.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      options={[
        { label: 'VI', value: 'vi', title: t('layout.vietnamese') },
        { label: 'EN', value: 'en', title: t('layout.english') },
      ]}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}
