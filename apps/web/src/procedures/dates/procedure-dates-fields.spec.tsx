import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { addDays } from '@kientoan/domain/procedure/procedure-dates';
import { api } from '../../api/client';
import { renderWithApp } from '../../testing/render';
import { todayInVietnam } from './date-rules';
import { ProcedureDatesFields } from './procedure-dates-fields';

const today = todayInVietnam();
const window = { earliest: today, latest: addDays(today, 10), maxDaysAhead: 10 };
const rules = {
  timeZone: 'Asia/Ho_Chi_Minh',
  today,
  effectiveDate: window,
  ceremony: { ...window, defaultTime: '08:00' },
};
const shown = (iso: string) => iso.split('-').reverse().join('/');
const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });

function StartForm({ errors = {} }: { errors?: Record<string, string> }) {
  const [form] = Form.useForm();
  return (
    <Form form={form} layout="vertical">
      <ProcedureDatesFields errors={errors} />
    </Form>
  );
}

const typeInto = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('the start page’s date fields', () => {
  afterEach(() => jest.restoreAllMocks());

  it('given the API’s rules, then each field states its window with real dates', async () => {
    jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(ok(rules))) as never);
    renderWithApp(<StartForm />);
    expect(
      await screen.findByText(
        `Từ hôm nay (${shown(today)}) đến ${shown(window.latest)}: tối đa 10 ngày tới (theo giờ Hà Nội).`,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        `Không trước hôm nay (${shown(today)}) và không sau ${shown(window.latest)} (tối đa 10 ngày tới).`,
      ),
    ).toBeTruthy();
  });

  it('given an effective date typed past the window, then its field says why before anything is sent', async () => {
    jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(ok(rules))) as never);
    renderWithApp(<StartForm />);
    await screen.findByText(/tối đa 10 ngày tới \(theo giờ Hà Nội\)/);
    const tooFar = addDays(today, 11);
    typeInto('Ngày hiệu lực', shown(tooFar));
    expect(
      await screen.findByText(
        `Ngày hiệu lực ${shown(tooFar)} quá xa: chậm nhất là ${shown(window.latest)} (10 ngày kể từ hôm nay).`,
      ),
    ).toBeTruthy();
    // Typed again within the window: the explanation goes.
    typeInto('Ngày hiệu lực', shown(window.latest));
    await waitFor(() => expect(screen.queryByText(/quá xa/)).toBeNull());
  });

  it('given a ceremony day typed before today, then its field says the earliest day', async () => {
    jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(ok(rules))) as never);
    renderWithApp(<StartForm />);
    await screen.findByText(/tối đa 10 ngày tới \(theo giờ Hà Nội\)/);
    const yesterday = addDays(today, -1);
    typeInto('Ngày tổ chức lễ', shown(yesterday));
    expect(
      await screen.findByText(
        `Ngày tổ chức lễ ${shown(yesterday)} đã qua: sớm nhất là hôm nay, ${shown(today)}.`,
      ),
    ).toBeTruthy();
  });

  it('given the rules cannot be loaded, then the fields say only today is known and the API checks the rest', async () => {
    jest
      .spyOn(api, 'GET')
      .mockImplementation((() => Promise.reject(new TypeError('Failed to fetch'))) as never);
    renderWithApp(<StartForm />);
    expect(
      (
        await screen.findAllByText(
          'Không trước hôm nay (giờ Hà Nội). Chưa tải được ngày xa nhất được phép: hệ thống kiểm tra khi gửi.',
        )
      ).length,
    ).toBe(2);
  });

  it('given the API refused a date, then its reason stands under that field', async () => {
    jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(ok(rules))) as never);
    renderWithApp(<StartForm errors={{ 'ceremony.date': 'Ngày tổ chức lễ công bố 01/01/2000 đã qua.' }} />);
    expect(await screen.findByText('Ngày tổ chức lễ công bố 01/01/2000 đã qua.')).toBeTruthy();
  });
});
