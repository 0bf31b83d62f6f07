import { Alert, Col, DatePicker, Form, Input, Row, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ceremonyNote, isBeforeToday } from './date-rules';

/** The start form's date fields (their values in the form). */
export interface DateFields {
  effectiveDate?: Dayjs | null;
  ceremonyDate?: Dayjs | null;
  ceremonyTime?: Dayjs | null;
  ceremonyPlace?: string;
}

/** The start request's dates from the form's fields (a ceremony only when its date is chosen). */
export const datesOfFields = (fields: DateFields) => ({
  ...(fields.effectiveDate ? { effectiveDate: fields.effectiveDate.format('YYYY-MM-DD') } : {}),
  ...(fields.ceremonyDate
    ? {
        ceremony: {
          date: fields.ceremonyDate.format('YYYY-MM-DD'),
          time: fields.ceremonyTime ? fields.ceremonyTime.format('HH:mm') : '08:00',
          ...(fields.ceremonyPlace?.trim() ? { place: fields.ceremonyPlace.trim() } : {}),
        },
      }
    : {}),
});

const disabledDate = (day: Dayjs) => isBeforeToday(day.format('YYYY-MM-DD'));

/**
 * Effective date and announcement ceremony, each with its rules next to it; the API's field errors
 * (`effectiveDate`, `ceremony.date`, …) are shown on the field they concern.
 */
export function ProcedureDatesFields({ errors }: { errors: Record<string, string> }) {
  const { t } = useTranslation();
  const effective = Form.useWatch<Dayjs | null | undefined>('effectiveDate');
  const ceremony = Form.useWatch<Dayjs | null | undefined>('ceremonyDate');
  const note = ceremony
    ? ceremonyNote(ceremony.format('YYYY-MM-DD'), effective ? effective.format('YYYY-MM-DD') : null)
    : null;
  const status = (field: string) => (errors[field] ? ('error' as const) : undefined);
  return (
    <Row gutter={16} className="procedure-dates">
      <Col xs={24} md={8}>
        <Form.Item
          name="effectiveDate"
          label={t('ceremony.effectiveDate')}
          validateStatus={status('effectiveDate')}
          help={errors.effectiveDate}
          extra={
            <ul className="date-rules">
              <li>{t('ceremony.effectiveRules.empty')}</li>
              <li>{t('ceremony.effectiveRules.range')}</li>
              <li>{t('ceremony.effectiveRules.passed')}</li>
            </ul>
          }
        >
          <DatePicker format="DD/MM/YYYY" disabledDate={disabledDate} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Typography.Text strong>{t('ceremony.title')}</Typography.Text>
        <Row gutter={12}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item
              name="ceremonyDate"
              label={t('ceremony.date')}
              validateStatus={status('ceremony.date')}
              help={errors['ceremony.date']}
            >
              <DatePicker format="DD/MM/YYYY" disabledDate={disabledDate} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="ceremonyTime"
              label={t('ceremony.time')}
              validateStatus={status('ceremony.time')}
              help={errors['ceremony.time']}
            >
              <TimePicker
                format="HH:mm"
                minuteStep={5}
                placeholder="08:00"
                disabled={!ceremony}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="ceremonyPlace"
              label={t('ceremony.place')}
              validateStatus={status('ceremony.place')}
              help={errors['ceremony.place']}
            >
              <Input maxLength={300} disabled={!ceremony} placeholder={t('ceremony.placePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <ul className="date-rules">
          <li>{t('ceremony.rules.empty')}</li>
          <li>{t('ceremony.rules.range')}</li>
          <li>{t('ceremony.rules.afterIssue')}</li>
        </ul>
        {note ? <Alert type="warning" showIcon message={t(`ceremony.notes.${note}`)} /> : null}
      </Col>
    </Row>
  );
}
