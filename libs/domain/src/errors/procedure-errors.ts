import { STEP_LABELS } from '../procedure/procedure-step';
import { DomainError } from './domain-error';

/** Where a procedure is or how it ended, in words (the messages never show a status or step code). */
const PHASES: Readonly<Record<string, string>> = {
  initial: 'chưa bắt đầu',
  in_step: 'đang xử lý tự động',
  reviewing: 'Rà soát',
  returned: 'Trả lại để chỉnh sửa',
  drafting: 'Dự thảo nghị quyết',
  voting: 'Ban Thường vụ biểu quyết',
  vote_closed: 'Đã kết thúc biểu quyết',
  running: 'đang thực hiện',
  completed: 'đã hoàn thành',
  failed: 'gặp lỗi',
  withdrawn: 'đã rút',
  cancelled: 'đã hủy',
  closed: 'đã đóng',
};
const phase = (code: string): string =>
  (STEP_LABELS as Readonly<Record<string, { vi: string }>>)[code]?.vi ?? PHASES[code] ?? 'không xác định';

/** The procedure's error catalogue: one factory per stable code. */
export const ProcedureErrors = {
  notFound: (procedureId: string) =>
    new DomainError(
      'PROCEDURE_NOT_FOUND',
      'not_found',
      'Không tìm thấy thủ tục.',
      `Procedure ${procedureId} was not found.`,
      { procedureId },
    ),
  alreadyExists: (procedureId: string) =>
    new DomainError(
      'PROCEDURE_ALREADY_EXISTS',
      'conflict',
      'Thủ tục này đã được khởi tạo trước đó.',
      `Procedure ${procedureId} has already been started.`,
      { procedureId },
    ),
  /** A draft beyond the configured size: it could not be reviewed, and comparing versions would cost too much. */
  draftTooLarge: (
    field: string,
    size: { lines: number; bytes: number },
    limits: { maxLines: number; maxBytes: number },
  ) =>
    new DomainError(
      'DRAFT_TOO_LARGE',
      'too_large',
      `Dự thảo quá dài: ${size.lines.toLocaleString('vi-VN')} dòng, ${Math.ceil(size.bytes / 1024).toLocaleString('vi-VN')} KB; tối đa ${limits.maxLines.toLocaleString('vi-VN')} dòng và ${Math.floor(limits.maxBytes / 1024).toLocaleString('vi-VN')} KB.`,
      `The draft is too long: ${size.lines} lines, ${size.bytes} bytes; at most ${limits.maxLines} lines and ${limits.maxBytes} bytes.`,
      { field, ...size, ...limits },
    ),
  alreadyStarted: () =>
    new DomainError(
      'PROCEDURE_ALREADY_STARTED',
      'conflict',
      'Thủ tục đã bắt đầu.',
      'The procedure has already started.',
    ),
  stepOutOfOrder: (expected: string, actual: string) =>
    new DomainError(
      'STEP_OUT_OF_ORDER',
      'conflict',
      `Bước hiện tại là "${phase(expected)}", không thể hoàn thành bước "${phase(actual)}".`,
      `The current step is "${expected}"; step "${actual}" cannot be completed.`,
      { expected, actual },
    ),
  voteNotOpen: () =>
    new DomainError(
      'VOTE_NOT_OPEN',
      'conflict',
      'Việc biểu quyết của Ban Thường vụ chưa mở hoặc đã kết thúc.',
      'The committee vote is not open (not yet started, or already closed).',
    ),
  notAVoter: (voterId: string) =>
    new DomainError(
      'NOT_A_VOTER',
      'forbidden',
      'Người được chọn không phải là thành viên có quyền biểu quyết ở vòng này.',
      `${voterId} is not a member of the voting body.`,
      { field: 'voterId', voterId },
    ),
  alreadyVoted: (voterId: string) =>
    new DomainError(
      'ALREADY_VOTED',
      'conflict',
      'Thành viên này đã biểu quyết ở vòng này.',
      `Member ${voterId} has already voted in this round.`,
      { voterId },
    ),
  noVoters: () =>
    new DomainError(
      'NO_VOTERS',
      'invalid',
      'Ban Thường vụ chưa có thành viên nào trong sổ đăng ký, không thể biểu quyết.',
      'The standing committee has no members in the registry; no vote can be held.',
    ),
  idempotencyKeyReused: (key: string, action: 'vote' | 'start' = 'vote') =>
    new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'conflict',
      `Khóa chống trùng lặp (Idempotency-Key) này đã được dùng cho ${action === 'vote' ? 'một biểu quyết khác' : 'một đề nghị khởi tạo thủ tục khác'}; hãy dùng khóa mới cho yêu cầu mới.`,
      `Idempotency key "${key}" was already used for a different ${action === 'vote' ? 'vote' : 'procedure start'}.`,
      { field: 'idempotencyKey', key },
    ),
  notAwaiting: (who: 'reviewer' | 'secretary', current: string) =>
    new DomainError(
      'NOT_AWAITING_THIS_ACTION',
      'conflict',
      `Thủ tục đang ở bước "${phase(current)}", không chờ ${who === 'reviewer' ? 'ý kiến rà soát' : 'thư ký'}.`,
      `The procedure is at "${current}" and is not waiting for the ${who}.`,
      { current },
    ),
  reasonsRequired: () =>
    new DomainError('REASON_REQUIRED', 'invalid', 'Cần nêu lý do.', 'A reason is required.', {
      field: 'reasons',
    }),
  tooLateToEnd: () =>
    new DomainError(
      'TOO_LATE_TO_END',
      'conflict',
      'Quyết định đã được thông qua hoặc ban hành; không thể rút hay hủy thủ tục.',
      'The decision has been approved or issued; the procedure can no longer be withdrawn or cancelled.',
    ),
  /** Reminders and escalations need someone to wait for (not while a step runs, nor after the end). */
  notWaiting: (current: string) =>
    new DomainError(
      'NOT_WAITING_FOR_ANYONE',
      'conflict',
      `Thủ tục đang ở trạng thái "${current}", không chờ ai xử lý nên không thể nhắc việc hay chuyển cấp trên.`,
      `The procedure is "${current}" and waits for no one; it cannot be reminded or escalated.`,
      { current },
    ),
  /** A failed procedure (its workflow stopped on a non-retryable error) accepts no further action. */
  failed: (code: string | null) =>
    new DomainError(
      'PROCEDURE_FAILED',
      'conflict',
      `Thủ tục đã dừng do lỗi${code ? ` (${code})` : ''}; không thể thực hiện thêm thao tác. Đề nghị liên hệ giám sát.`,
      `The procedure has failed${code ? ` (${code})` : ''} and accepts no further action.`,
      { failureCode: code },
    ),
  terminated: (status: string) =>
    new DomainError(
      'PROCEDURE_TERMINATED',
      'conflict',
      `Thủ tục đã kết thúc (${phase(status)}).`,
      `The procedure has ended (${status}).`,
      { status },
    ),
  /** A submitted draft without the blanks the issue step fills (number, signing date, resolution number). */
  draftBlanksBroken: (problems: readonly { readonly field: string; readonly reason: string }[]) =>
    new DomainError(
      'DRAFT_BLANKS_MISSING',
      'invalid',
      `Dự thảo phải giữ nguyên các chỗ trống điền khi ban hành: ${problems.map((p) => p.reason).join(' ')}`,
      'The draft must keep the blanks filled at issue (document number, signing date, resolution number).',
      {
        fieldErrors: problems.map((p) => ({
          field: p.field,
          reason: p.reason,
          reasonEn: 'A blank filled at issue ([[…]]) was removed or mistyped.',
        })),
      },
    ),
} as const;
