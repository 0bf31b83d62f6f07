import { RequestValidationError } from '../errors/request-validation.error';
import { castVoteSchema, startProcedureSchema } from '../../procedures/procedure.schemas';
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

  it('given an unknown field, then it is refused', () => {
    const errors = fieldsOf(() =>
      new ZodValidationPipe(castVoteSchema).transform({ voterId: 'a', choice: 'approve', weight: 2 }),
    );
    expect(errors[0]).toMatchObject({ field: 'body', reasonEn: expect.stringContaining('weight') });
  });
});
