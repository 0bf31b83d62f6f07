import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
// The ES module builds of the locales: antd/locale/* re-export the CommonJS build, which drags a second copy
// of the pickers' code into the bundle.
import viVN from 'antd/es/locale/vi_VN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/api-error';
import { router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not get better by asking again; a network blip may.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

let english: Locale | undefined;
/** antd's English texts (date pickers, pagination, …): fetched when English is first chosen, not at first load. */
export const loadAntdEnglish = async (): Promise<Locale> =>
  (english ??= (await import('antd/es/locale/en_US')).default);

const useAntdLocale = (language: string): Locale => {
  const [loaded, setLoaded] = useState(english);
  useEffect(() => {
    if (language === 'en' && !loaded) void loadAntdEnglish().then(setLoaded);
  }, [language, loaded]);
  return language === 'en' && loaded ? loaded : viVN;
};

export function App() {
  const { i18n } = useTranslation();
  const locale = useAntdLocale(i18n.language);
  return (
    <ConfigProvider
      locale={locale}
      theme={{
        // Secondary and placeholder texts darker than antd's defaults: WCAG AA contrast on grey backgrounds.
        token: {
          colorPrimary: '#b71c1c',
          borderRadius: 6,
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextPlaceholder: '#707070',
          colorError: '#cf1322',
          colorLink: '#0958d9',
        },
      }}
    >
      {/* antd's App (message, notification, modal hooks) wraps the signed-in layout (layout/app-layout.tsx):
          the sign-in page, the first load, does without its code. */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
