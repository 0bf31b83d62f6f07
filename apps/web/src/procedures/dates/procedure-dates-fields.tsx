import { Alert, Col, DatePicker, Form, Input, Row, TimePicker, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateProblem, type DateWindow, ceremonyNote, dateProblem, parseTypedDate } from './date-rules';
import { useProcedureRules } from './use-procedure-rules';

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

/** The API's field names (its 400 names them so) and the form's. */
type DateField = 'effectiveDate' | 'ceremony.date';
const FORM_NAME: Record<DateField, keyof DateFields> = {
  effectiveDate: 'effectiveDate',
  'ceremony.date': 'ceremonyDate',
};
const LABEL: Record<DateField, string> = {
  effectiveDate: 'ceremony.effectiveDate',
  'ceremony.date': 'ceremony.date',
};

/**
 * antd's DatePicker as a form field, telling what is typed into its text box (which the picker itself keeps
 * to itself until it is a date it accepts).
 */
function TypedDatePicker({
  id,
  value,
  onChange,
  onTyped,
  disabledDate,
}: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  onTyped: (text: string) => void;
  disabledDate: (day: Dayjs) => boolean;
}) {
  return (
    <span
      style={{ display: 'block' }}
      onInput={(event: FormEvent<HTMLSpanElement>) => onTyped((event.target as HTMLInputElement).value)}
    >
      <DatePicker
        id={id}
        value={value}
        onChange={(day) => {
          onChange?.(day);
          onTyped('');
        }}
        format={['DD/MM/YYYY', 'D/M/YYYY']}
        disabledDate={disabledDate}
        style={{ width: '100%' }}
      />
    </span>
  );
}

/** DD/MM/YYYY, as the pickers show dates. */
const shown = (isoDate: string) => isoDate.split('-').reverse().join('/');
const iso = (day: Dayjs) => day.format('YYYY-MM-DD');

/**
 * Effective date and announcement ceremony, each with its rules next to it, from the API's published window
 * (GET /api/procedures/rules): days outside it cannot be picked, a date typed outside it is explained under
 * its field before anything is sent, and the API's own field errors (`effectiveDate`, `ceremony.date`, …)
 * are shown on the field they concern.
 */
export function ProcedureDatesFields({ errors }: { errors: Record<string, string> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DateFields>();
  const rules = useProcedureRules();
  const effective = Form.useWatch<Dayjs | null | undefined>('effectiveDate');
  const ceremony = Form.useWatch<Dayjs | null | undefined>('ceremonyDate');
  // A date typed outside the window: the picker does not take it, so say why under the field.
  const [typed, setTyped] = useState<Partial<Record<DateField, string>>>({});
  const note = ceremony ? ceremonyNote(iso(ceremony), effective ? iso(effective) : null) : null;
  const windowOf = (field: DateField): DateWindow | null =>
    rules.data ? (field === 'effectiveDate' ? rules.data.effectiveDate : rules.data.ceremony) : null;

  const problemText = (field: DateField, problem: DateProblem, date: string) => {
    const window = windowOf(field);
    const today = window?.earliest ?? date;
    return t(`ceremony.problems.${problem}`, {
      field: t(LABEL[field]),
      date: shown(date),
      earliest: shown(today),
      latest: window ? shown(window.latest) : '',
      days: window?.maxDaysAhead ?? '',
    });
  };
  const rangeText = (field: DateField, key: string) => {
    const window = windowOf(field);
    return window
      ? t(key, { earliest: shown(window.earliest), latest: shown(window.latest), days: window.maxDaysAhead })
      : t('ceremony.rangeUnknown');
  };
  const inWindow =
    (field: DateField): Rule =>
    () => ({
      validator: (_, value: Dayjs | null | undefined) => {
        const problem = value ? dateProblem(iso(value), windowOf(field)) : null;
        return value && problem
          ? Promise.reject(new Error(problemText(field, problem, iso(value))))
          : Promise.resolve();
      },
    });
  const onTyped = (field: DateField) => (text: string) => {
    const date = parseTypedDate(text);
    const problem = date ? dateProblem(date, windowOf(field)) : null;
    setTyped((all) => ({ ...all, [field]: date && problem ? problemText(field, problem, date) : undefined }));
  };
  const status = (field: string) =>
    errors[field] || typed[field as DateField] ? ('error' as const) : undefined;
  const picker = (field: DateField) => (
    <TypedDatePicker
      onTyped={onTyped(field)}
      disabledDate={(day) => dateProblem(iso(day), windowOf(field)) !== null}
    />
  );
  // When the rules arrive (or a new day's), a date already chosen is checked against them again.
  useEffect(() => {
    const chosen = Object.values(FORM_NAME).filter((name) => (form.getFieldValue(name) as unknown) != null);
    if (chosen.length > 0) void form.validateFields(chosen).catch(() => undefined);
  }, [form, rules.dataUpdatedAt]);

  return (
    <Row gutter={16} className="procedure-dates">
      <Col xs={24} md={8}>
        <Form.Item
          name="effectiveDate"
          label={t('ceremony.effectiveDate')}
          rules={[inWindow('effectiveDate')]}
          validateStatus={status('effectiveDate')}
          help={errors.effectiveDate ?? typed.effectiveDate}
          extra={
            <ul className="date-rules">
              <li>{t('ceremony.effectiveRules.empty')}</li>
              <li>{rangeText('effectiveDate', 'ceremony.effectiveRules.range')}</li>
              <li>{t('ceremony.effectiveRules.passed')}</li>
            </ul>
          }
        >
          {picker('effectiveDate')}
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Typography.Text strong>{t('ceremony.title')}</Typography.Text>
        <Row gutter={12}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item
              name="ceremonyDate"
              label={t('ceremony.date')}
              rules={[inWindow('ceremony.date')]}
              validateStatus={status('ceremony.date')}
              help={errors['ceremony.date'] ?? typed['ceremony.date']}
            >
              {picker('ceremony.date')}
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
                placeholder={rules.data?.ceremony.defaultTime ?? '08:00'}
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
          <li>{rangeText('ceremony.date', 'ceremony.rules.range')}</li>
          <li>{t('ceremony.rules.afterIssue')}</li>
        </ul>
        {note ? <Alert type="warning" showIcon message={t(`ceremony.notes.${note}`)} /> : null}
      </Col>
    </Row>
  );
}
