import { fireEvent, screen, within } from '@testing-library/react';
import type { DraftRow } from '../paste-rows';
import { renderWithApp } from '../../testing/render';
import { SeriesHelper } from './series-helper';

const tree = [
  {
    id: 'du',
    name: 'Đảng bộ phường',
    children: [
      { id: 'cb-10', name: 'Chi bộ Tổ dân phố số 10', children: [] },
      { id: 'cb-2', name: 'Chi bộ Tổ dân phố số 2', children: [] },
      { id: 'cb-1', name: 'Chi bộ Tổ dân phố số 1', children: [] },
    ],
  },
];
const rows: DraftRow[] = [
  { kind: 'rename', unitId: 'cb-10', unitName: 'Chi bộ Tổ dân phố số 10', newName: 'x' },
  { kind: 'rename', unitId: 'cb-2', unitName: 'Chi bộ Tổ dân phố số 2', newName: 'y' },
  { kind: 'rename', unitId: 'cb-1', unitName: 'Chi bộ Tổ dân phố số 1', newName: 'z' },
];

describe('series helper (start page)', () => {
  it('given the current rows, a pattern, a start and order by name, then it previews and replaces the rows', () => {
    const onApply = jest.fn();
    renderWithApp(<SeriesHelper tree={tree} rows={rows} onApply={onApply} />);
    fireEvent.change(screen.getByLabelText('Mẫu tên'), { target: { value: 'Chi bộ {n}' } });
    fireEvent.change(screen.getByLabelText('Bắt đầu từ số'), { target: { value: '5' } });
    fireEvent.click(screen.getByLabelText('Theo tên hiện tại (A–Z)'));

    const preview = document.querySelector('.series-preview') as HTMLElement;
    const cells = within(preview)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([
      ['Chi bộ Tổ dân phố số 1', 'Chi bộ 5'],
      ['Chi bộ Tổ dân phố số 2', 'Chi bộ 6'],
      ['Chi bộ Tổ dân phố số 10', 'Chi bộ 7'],
    ]);
    expect(onApply).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Thay các mục bằng 3 mục đổi tên' }));
    expect(onApply).toHaveBeenCalledWith([
      { kind: 'rename', unitId: 'cb-1', unitName: 'Chi bộ Tổ dân phố số 1', newName: 'Chi bộ 5' },
      { kind: 'rename', unitId: 'cb-2', unitName: 'Chi bộ Tổ dân phố số 2', newName: 'Chi bộ 6' },
      { kind: 'rename', unitId: 'cb-10', unitName: 'Chi bộ Tổ dân phố số 10', newName: 'Chi bộ 7' },
    ]);
  });

  it('given a width of 2, then the preview and the rows have the numbers with a zero in front', () => {
    const onApply = jest.fn();
    renderWithApp(<SeriesHelper tree={tree} rows={rows} onApply={onApply} />);
    fireEvent.change(screen.getByLabelText('Mẫu tên'), { target: { value: 'Chi bộ {n}' } });
    fireEvent.change(screen.getByLabelText('Số chữ số tối thiểu'), { target: { value: '2' } });

    const preview = document.querySelector('.series-preview') as HTMLElement;
    expect(within(preview).getByText('Chi bộ 01')).toBeTruthy();
    expect(within(preview).getByText('Chi bộ 03')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Thay các mục bằng 3 mục đổi tên' }));
    const [applied] = onApply.mock.calls[0] as [DraftRow[]];
    expect(applied.map((r) => r.kind === 'rename' && r.newName)).toEqual([
      'Chi bộ 01',
      'Chi bộ 02',
      'Chi bộ 03',
    ]);
  });

  it('given a pattern without {n}, then the field says so and nothing can be applied', () => {
    renderWithApp(<SeriesHelper tree={tree} rows={rows} onApply={jest.fn()} />);
    fireEvent.change(screen.getByLabelText('Mẫu tên'), { target: { value: 'Chi bộ' } });
    expect(screen.getByText('Mẫu tên phải có {n} ở chỗ đặt số.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Thay các mục/ })).toBeNull();
  });

  it('given no rows yet, then it starts from the tree and asks for units', () => {
    renderWithApp(<SeriesHelper tree={tree} rows={[]} onApply={jest.fn()} />);
    expect(screen.getByLabelText<HTMLInputElement>('Chọn từ cây tổ chức').checked).toBe(true);
    expect(screen.getByText('Chưa có tổ chức nào: chọn trên cây hoặc thêm các mục trước.')).toBeTruthy();
  });
});
