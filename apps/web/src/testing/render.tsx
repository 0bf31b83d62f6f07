import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactElement } from 'react';

/** A component with what the app gives every page: antd (Vietnamese), App messages, a fresh query cache. */
export const renderWithApp = (ui: ReactElement) => {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return {
    queryClient,
    ...render(
      <ConfigProvider locale={viVN}>
        <AntApp>
          <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
        </AntApp>
      </ConfigProvider>,
    ),
  };
};
