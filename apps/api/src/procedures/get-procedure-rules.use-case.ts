import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { startDateWindow } from '@kientoan/domain';
import { type Clock, environmentFrom, liveDate } from '@kientoan/platform';
import { CLOCK } from '../infrastructure/infrastructure.module';

/** The time zone every date of a procedure is in (a day is a day in Hà Nội). */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The ceremony's time when the secretary picks none (startProcedureSchema's default). */
const DEFAULT_CEREMONY_TIME = '08:00';

/**
 * The date rules the start of a procedure enforces (StartProcedureUseCase → checkStartDates), as of now:
 * what a form needs to refuse or explain a date before it is sent. The same configuration and clock as the
 * start itself, so the two never disagree.
 */
@Injectable()
export class GetProcedureRulesUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  execute() {
    const today = liveDate(this.clock);
    const window = startDateWindow(today, environmentFrom(this.config).EFFECTIVE_DATE_MAX_DAYS_AHEAD);
    return {
      timeZone: TIME_ZONE,
      today,
      effectiveDate: window,
      ceremony: { ...window, defaultTime: DEFAULT_CEREMONY_TIME },
    };
  }
}
