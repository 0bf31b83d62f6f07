import type { ErrorResponse } from './error-response';

/**
 * A part the API depends on (PostgreSQL, Temporal, a worker) is not available, or the API is stopping: the
 * action was not carried out (or, when `details.accepted` is true, it was taken in but not finished) and the
 * client may retry. The HTTP filter answers 503 with the code, both messages and Retry-After.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly retryAfterSeconds: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'ServiceUnavailableError';
  }
}

/** The 503 body: the one error shape, with the retry delay also in the details for clients that hide headers. */
export const unavailableResponse = (error: ServiceUnavailableError): ErrorResponse => ({
  statusCode: 503,
  code: error.code,
  message: error.messageVi,
  messageEn: error.messageEn,
  details: { ...error.details, retryAfterSeconds: error.retryAfterSeconds },
});

export const ServiceUnavailable = {
  database: () =>
    new ServiceUnavailableError(
      'DATABASE_UNAVAILABLE',
      'Cơ sở dữ liệu tạm thời không truy cập được. Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.',
      'The database is temporarily unreachable. The action was not carried out; please retry in a moment.',
      5,
      { dependency: 'database', applied: false },
    ),

  /** PostgreSQL answers but every pooled connection stayed busy for DATABASE_POOL_WAIT_MS: a burst, not an outage. */
  databaseBusy: () =>
    new ServiceUnavailableError(
      'DATABASE_BUSY',
      'Hệ thống đang bận do có nhiều yêu cầu cùng lúc. Thao tác chưa được thực hiện; vui lòng thử lại sau vài giây.',
      'The system is busy with many requests at once. The action was not carried out; please retry in a few seconds.',
      2,
      { dependency: 'database', applied: false, busy: true },
    ),

  /**
   * The request spent its whole time budget (ACTION_WAIT_MS from its arrival) before the action could be sent:
   * an overloaded API. Nothing was sent to the workflow.
   */
  serverBusy: () =>
    new ServiceUnavailableError(
      'SERVER_BUSY',
      'Máy chủ đang quá tải nên chưa kịp gửi thao tác. Thao tác chưa được thực hiện; vui lòng thử lại sau vài giây.',
      'The server is overloaded and could not send the action in time. The action was not carried out; please retry in a few seconds.',
      2,
      { applied: false, mayApplyLater: false, busy: true },
    ),

  workflowService: () =>
    new ServiceUnavailableError(
      'WORKFLOW_SERVICE_UNAVAILABLE',
      'Dịch vụ điều phối quy trình (Temporal) tạm thời không truy cập được. Thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.',
      'The workflow service (Temporal) is temporarily unreachable. The action was not carried out; please retry in a moment.',
      5,
      { dependency: 'temporal', applied: false },
    ),

  /**
   * No worker took the action in time. `sent` says whether the Update reached Temporal: an Update the server
   * has admitted but no worker has accepted is not durable, so it may still be applied when a worker returns
   * (if the server still holds it) or may be lost. Retrying with the same Idempotency-Key is safe either way.
   */
  noWorker: (sent: boolean, { busy = false }: { busy?: boolean } = {}) =>
    new ServiceUnavailableError(
      'NO_WORKER_AVAILABLE',
      sent
        ? busy
          ? 'Các bộ xử lý đang bận nên chưa nhận thao tác này. Thao tác chưa được thực hiện; hệ thống có thể vẫn thực hiện nó khi bộ xử lý rảnh, nhưng không bảo đảm. Hãy kiểm tra lại hồ sơ hoặc gửi lại với cùng khóa Idempotency-Key (an toàn, không bị thực hiện hai lần).'
          : 'Hiện không có bộ xử lý nào nhận thao tác này. Thao tác chưa được thực hiện; hệ thống có thể vẫn thực hiện nó khi bộ xử lý hoạt động trở lại, nhưng không bảo đảm. Hãy kiểm tra lại hồ sơ hoặc gửi lại với cùng khóa Idempotency-Key (an toàn, không bị thực hiện hai lần).'
        : 'Hiện không có bộ xử lý nào hoạt động. Thao tác chưa được gửi đi và sẽ không được thực hiện; vui lòng thử lại sau ít phút.',
      sent
        ? busy
          ? 'The workers are busy and have not taken this action yet. It has not been carried out; it may still be applied when a worker gets to it, but that is not guaranteed. Check the procedure, or retry with the same Idempotency-Key (safe: it is never applied twice).'
          : 'No worker picked up this action. It has not been carried out; it may still be applied when a worker returns, but that is not guaranteed. Check the procedure, or retry with the same Idempotency-Key (safe: it is never applied twice).'
        : 'No worker is running. The action was not sent and will not be carried out; please retry in a moment.',
      busy ? 3 : 10,
      { dependency: 'worker', applied: false, mayApplyLater: sent, ...(busy ? { busy: true } : {}) },
    ),

  workflowNotReady: () =>
    new ServiceUnavailableError(
      'WORKFLOW_NOT_READY',
      'Hồ sơ đang được hệ thống xử lý lại sau một sự cố. Thao tác chưa được thực hiện; vui lòng thử lại sau vài giây.',
      'The procedure is being recovered by the system after a failure. The action was not carried out; please retry in a few seconds.',
      3,
      { dependency: 'temporal', applied: false, mayApplyLater: false },
    ),

  /** The Update was accepted (durable in the workflow's history) but did not finish within the wait. */
  pending: (waitingOn: 'worker' | 'database' = 'worker') =>
    new ServiceUnavailableError(
      'ACTION_PENDING',
      'Thao tác đã được tiếp nhận và sẽ được hoàn tất khi hệ thống xử lý xong; không cần làm lại. Gửi lại với cùng khóa Idempotency-Key để xem kết quả.',
      'The action was accepted and will be completed; there is no need to redo it. Retry with the same Idempotency-Key to see its result.',
      5,
      { dependency: waitingOn, applied: 'pending', accepted: true, mayApplyLater: true },
    ),

  shuttingDown: () =>
    new ServiceUnavailableError(
      'SERVICE_SHUTTING_DOWN',
      'Máy chủ đang dừng để khởi động lại. Thao tác chưa được thực hiện; vui lòng thử lại sau vài giây.',
      'The server is shutting down for a restart. The action was not carried out; please retry in a few seconds.',
      5,
      { applied: false },
    ),
} as const;
