import type { z } from 'zod';

/** Zod's issues in the user's language: Vietnamese first, English kept for integrators. */
export const describeIssue = (issue: z.core.$ZodIssue): { reason: string; reasonEn: string } => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { reason: 'Trường này là bắt buộc.', reasonEn: 'This field is required.' }
        : { reason: `Sai kiểu dữ liệu, cần ${issue.expected}.`, reasonEn: `Expected ${issue.expected}.` };
    case 'too_small':
      return {
        reason: `Quá ngắn hoặc quá nhỏ (tối thiểu ${String(issue.minimum)}).`,
        reasonEn: `Too small (minimum ${String(issue.minimum)}).`,
      };
    case 'too_big':
      return {
        reason: `Quá dài hoặc quá lớn (tối đa ${String(issue.maximum)}).`,
        reasonEn: `Too big (maximum ${String(issue.maximum)}).`,
      };
    case 'invalid_value':
      return {
        reason: `Giá trị không hợp lệ; chấp nhận: ${issue.values.map(String).join(', ')}.`,
        reasonEn: `Invalid value; expected one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'unrecognized_keys':
      return {
        reason: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`,
        reasonEn: `Unknown field(s): ${issue.keys.join(', ')}.`,
      };
    case 'invalid_format':
      return { reason: `Sai định dạng (${issue.format}).`, reasonEn: `Invalid format (${issue.format}).` };
    default:
      return { reason: issue.message, reasonEn: issue.message };
  }
};
