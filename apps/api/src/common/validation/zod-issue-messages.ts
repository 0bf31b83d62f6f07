import { z } from 'zod';

/**
 * Zod's issues in the user's language. zod's own Vietnamese and English locales are the base (every issue
 * code has a message); the product's wording replaces them where they would show type names in English,
 * regular expressions or comparison signs. Needs the parse to run with `reportInput: true`: "missing" and
 * "wrong type" are told apart by the input.
 */
type Issue = z.core.$ZodIssue;
type Reason = { reason: string; reasonEn: string };

const vietnameseLocale = z.locales.vi().localeError;
const englishLocale = z.locales.en().localeError;

const fromLocale = (locale: z.core.$ZodErrorMap, issue: Issue): string => {
  const message = locale(issue as unknown as z.core.$ZodRawIssue);
  return typeof message === 'string' ? message : (message?.message ?? issue.message);
};

const TYPE_NAMES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  string: ['chuỗi ký tự', 'a string'],
  number: ['số', 'a number'],
  int: ['số nguyên', 'an integer'],
  bigint: ['số nguyên', 'an integer'],
  boolean: ['true hoặc false', 'true or false'],
  array: ['danh sách', 'a list'],
  object: ['đối tượng JSON', 'an object'],
  date: ['ngày', 'a date'],
  null: ['null', 'null'],
  nan: ['NaN', 'NaN'],
};

const typeOf = (input: unknown): string =>
  input === null ? 'null' : Array.isArray(input) ? 'array' : Number.isNaN(input) ? 'nan' : typeof input;

const named = (type: string): readonly [string, string] => TYPE_NAMES[type] ?? [type, type];

const FORMATS: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  uuid: ['Phải là một mã UUID hợp lệ.', 'Must be a valid UUID.'],
  datetime: [
    'Phải là ngày giờ ISO 8601 có múi giờ, ví dụ 2026-12-01T09:00:00+07:00.',
    'Must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T09:00:00+07:00.',
  ],
  date: ['Phải là ngày dạng YYYY-MM-DD, ví dụ 2026-12-01.', 'Must be a date as YYYY-MM-DD, e.g. 2026-12-01.'],
  email: ['Phải là địa chỉ email hợp lệ.', 'Must be a valid email address.'],
  url: ['Phải là địa chỉ URL hợp lệ.', 'Must be a valid URL.'],
};

const sizeUnit = (origin: string): readonly [string, string] | undefined =>
  origin === 'string'
    ? ['ký tự', 'characters']
    : origin === 'array' || origin === 'set'
      ? ['mục', 'items']
      : undefined;

export const describeIssue = (issue: Issue): Reason => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined)
        return { reason: 'Trường này là bắt buộc.', reasonEn: 'This field is required.' };
      const [expectedVi, expectedEn] = named(issue.expected);
      const [receivedVi, receivedEn] = named(typeOf(issue.input));
      return {
        reason: `Sai kiểu dữ liệu: cần ${expectedVi}, nhận được ${receivedVi}.`,
        reasonEn: `Wrong type: expected ${expectedEn}, received ${receivedEn}.`,
      };
    }
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      const minimum = String(issue.minimum);
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return { reason: 'Không được để trống.', reasonEn: 'Must not be empty.' };
      if (unit)
        return {
          reason: `Cần ít nhất ${minimum} ${unit[0]}.`,
          reasonEn: `Needs at least ${minimum} ${unit[1]}.`,
        };
      return issue.inclusive
        ? { reason: `Phải lớn hơn hoặc bằng ${minimum}.`, reasonEn: `Must be at least ${minimum}.` }
        : { reason: `Phải lớn hơn ${minimum}.`, reasonEn: `Must be greater than ${minimum}.` };
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      const maximum = String(issue.maximum);
      if (unit)
        return {
          reason: `Tối đa ${maximum} ${unit[0]}.`,
          reasonEn: `At most ${maximum} ${unit[1]}.`,
        };
      return issue.inclusive
        ? { reason: `Phải nhỏ hơn hoặc bằng ${maximum}.`, reasonEn: `Must be at most ${maximum}.` }
        : { reason: `Phải nhỏ hơn ${maximum}.`, reasonEn: `Must be less than ${maximum}.` };
    }
    case 'invalid_value': {
      const values = issue.values.map(String).join(', ');
      return {
        reason: `Giá trị không hợp lệ; chấp nhận: ${values}.`,
        reasonEn: `Invalid value; expected one of: ${values}.`,
      };
    }
    case 'unrecognized_keys':
      return {
        reason: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`,
        reasonEn: `Unknown field(s): ${issue.keys.join(', ')}.`,
      };
    case 'invalid_format': {
      const known = FORMATS[issue.format];
      if (known) return { reason: known[0], reasonEn: known[1] };
      // A pattern given with its own Vietnamese description says what is allowed, instead of a bare "wrong".
      const described = issue.format === 'regex' && !issue.message.startsWith('Invalid string');
      return described
        ? {
            reason: `Sai định dạng: ${issue.message}.`,
            reasonEn: `Invalid format: must match ${issue.pattern}.`,
          }
        : { reason: 'Sai định dạng.', reasonEn: 'Invalid format.' };
    }
    case 'custom': {
      // Product checks (text hygiene, cursors, cross-field rules) give their Vietnamese message and an English one.
      const english = (issue.params as { en?: unknown } | undefined)?.en;
      return { reason: issue.message, reasonEn: typeof english === 'string' ? english : issue.message };
    }
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
      return { reason: fromLocale(vietnameseLocale, issue), reasonEn: fromLocale(englishLocale, issue) };
    default: {
      const unreachable: never = issue;
      return { reason: 'Dữ liệu không hợp lệ.', reasonEn: `Invalid input (${String(unreachable)}).` };
    }
  }
};

/**
 * One field path format in every 400: `items[0].newName` (as the registry rules name fields too). An issue
 * about the whole body (an unknown field, a missing body) is "body".
 */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? 'body'
    : path
        .map((key, index) =>
          typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
        )
        .join('');
