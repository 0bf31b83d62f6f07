import { z } from 'zod';
import { usernameSchema } from '@kientoan/platform';
import { RequestValidationError } from '../errors/request-validation.error';
import { inboxQuerySchema } from '../../inbox/inbox.schemas';
import { castVoteSchema, reviewSchema, startProcedureSchema } from '../../procedures/procedure.schemas';
import { stalledQuerySchema } from '../../supervision/supervision.schemas';
import { ZodValidationPipe } from './zod-validation.pipe';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RequestValidationError) return error.errors;
    throw error;
  }
  throw new Error('expected a RequestValidationError');
};

describe('ZodValidationPipe', () => {
  const start = new ZodValidationPipe(startProcedureSchema);

  it('given a valid body, then it passes it on normalized to NFC and trimmed', () => {
    const items = [{ kind: 'rename', unitId: 'u1', newName: ' Chi  bộ 34 '.normalize('NFD') }];
    expect(
      start.transform({
        wardCode: 'phuong-kim-lien',
        title: ' Đổi tên '.normalize('NFD'),
        items,
      }),
    ).toEqual({
      wardCode: 'phuong-kim-lien',
      title: 'Đổi tên',
      items: [{ kind: 'rename', unitId: 'u1', newName: 'Chi bộ 34' }],
    });
  });

  it('given several problems, then every field is named with a Vietnamese and an English reason', () => {
    const errors = fieldsOf(() => start.transform({ kind: 42, title: '' }));
    expect(errors.map((e) => e.field).sort()).toEqual(['items', 'kind', 'title', 'wardCode']);
    expect(errors.find((e) => e.field === 'wardCode')).toEqual({
      field: 'wardCode',
      reason: 'Trường này là bắt buộc.',
      reasonEn: 'This field is required.',
    });
  });

  it('given no body at all, then it reports the required fields rather than crashing', () => {
    expect(fieldsOf(() => start.transform(undefined)).length).toBeGreaterThan(0);
  });

  it('given unknown fields, then each is refused under its own name', () => {
    const errors = fieldsOf(() =>
      new ZodValidationPipe(castVoteSchema).transform({ voterId: 'a', choice: 'approve', weight: 2, x: 1 }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ field: 'weight', reason: 'Trường không được hỗ trợ: weight.' }),
      expect.objectContaining({ field: 'x', reason: 'Trường không được hỗ trợ: x.' }),
    ]);
  });

  it('given an unknown field inside a list item, then its path names the item', () => {
    const errors = fieldsOf(() =>
      start.transform({
        wardCode: 'phuong-kim-lien',
        title: 'Đổi tên',
        items: [{ kind: 'rename', unitId: 'u1', newName: 'Chi bộ 1', colour: 'đỏ' }],
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['items[0].colour']);
  });

  it('given a username with a space, then the reason says which characters are allowed', () => {
    const errors = fieldsOf(() =>
      new ZodValidationPipe(usernameSchema).transform('a b', { type: 'param', data: 'username' }),
    );
    expect(errors).toEqual([
      {
        field: 'username',
        reason: expect.stringContaining('chỉ gồm chữ thường không dấu (a-z), chữ số'),
        reasonEn: expect.stringContaining('Invalid format: must match'),
      },
    ]);
  });

  it('given a bad path parameter, then the error names the parameter, not the body', () => {
    const errors = fieldsOf(() =>
      new ZodValidationPipe(z.uuid()).transform('abc', { type: 'param', data: 'id' }),
    );
    expect(errors.map((e) => e.field)).toEqual(['id']);
  });

  it('given a value of the wrong type, then the reason says so instead of "required"', () => {
    const errors = fieldsOf(() => start.transform({ wardCode: 42, title: 'Đổi tên', items: 'x' }));
    expect(errors.find((e) => e.field === 'wardCode')).toEqual({
      field: 'wardCode',
      reason: 'Sai kiểu dữ liệu: cần chuỗi ký tự, nhận được số.',
      reasonEn: 'Wrong type: expected a string, received a number.',
    });
    expect(errors.find((e) => e.field === 'items')?.reason).toContain('cần danh sách');
  });

  it('given a problem inside a list, then the field path is written items[0].newName', () => {
    const errors = fieldsOf(() =>
      start.transform({
        wardCode: 'phuong-kim-lien',
        title: 'Đổi tên',
        items: [{ kind: 'rename', unitId: 'u1', newName: '' }],
      }),
    );
    expect(errors).toEqual([
      { field: 'items[0].newName', reason: 'Không được để trống.', reasonEn: 'Must not be empty.' },
    ]);
  });

  describe('hostile text', () => {
    const newName = (name: string) =>
      fieldsOf(() =>
        start.transform({
          wardCode: 'phuong-kim-lien',
          title: 'Đổi tên',
          items: [{ kind: 'rename', unitId: 'u1', newName: name }],
        }),
      );

    it.each([
      ['a zero-width space', 'Chi bộ 2\u200b', 'ký tự vô hình'],
      ['an invisible name', '\u3164', 'ký tự vô hình'],
      ['a Cyrillic homoglyph', '\u0421hi bộ 2', 'chữ Kirin'],
      ['a control character', 'Chi bộ\u0007 2', 'ký tự điều khiển'],
      ['a right-to-left override', 'Chi bộ \u202e2', 'đảo chiều'],
    ])('given a name with %s, then it is refused at items[0].newName in Vietnamese', (_, name, words) => {
      const [error] = newName(name);
      expect(error?.field).toBe('items[0].newName');
      expect(error?.reason).toContain(words);
    });

    it('given a title with a right-to-left override, then it is refused', () => {
      const errors = fieldsOf(() =>
        start.transform({
          wardCode: 'phuong-kim-lien',
          title: 'Đổi tên \u202echi bộ',
          items: [{ kind: 'dissolve', unitId: 'u1' }],
        }),
      );
      expect(errors.map((e) => e.field)).toEqual(['title']);
    });

    it('given a return reason with a zero-width joiner, then it is refused at reasons[1]', () => {
      const errors = fieldsOf(() =>
        new ZodValidationPipe(reviewSchema).transform({
          decision: 'return',
          reasons: ['Thiếu hồ sơ', 'a\u200db'],
        }),
      );
      expect(errors.map((e) => e.field)).toEqual(['reasons[1]']);
    });
  });

  describe('cursors', () => {
    const uuid = '0d9f6c1e-8f0a-4a57-9a39-4c1f6f1b2a3c';
    it.each([
      ['2026-13-45T00:00:00Z|' + uuid],
      ['2026-01-01T00:00:00Z|------------------------------------'],
      ['2026-01-01T99:99:99Z|' + uuid],
      ['2026-01-01T00:00:00Z|' + uuid + '|x'],
      ['not-a-cursor'],
    ])(
      'given the malformed cursor %s, then the inbox and supervision lists answer 400 on "after"',
      (after) => {
        for (const schema of [inboxQuerySchema, stalledQuerySchema]) {
          const [error] = fieldsOf(() => new ZodValidationPipe(schema).transform({ after }));
          expect(error).toMatchObject({ field: 'after', reason: expect.stringContaining('Con trỏ trang') });
        }
      },
    );

    it('given a cursor a page handed out, then it is parsed into an instant and an id', () => {
      const query = new ZodValidationPipe(inboxQuerySchema).transform({
        after: `2026-01-01T02:03:04.000Z|${uuid}`,
      });
      expect(query.after).toEqual({ at: new Date('2026-01-01T02:03:04.000Z'), id: uuid });
    });
  });
});
