import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/format';

export type TotalKey = 'wards' | 'running' | 'overdue' | 'stalled' | 'failed' | 'completedThisWeek';

/** Colours that pass contrast on white: overdue orange, stalled and failed red, completed green. */
const COLORS: Partial<Record<TotalKey, string>> = {
  overdue: '#ad4e00',
  stalled: '#a8071a',
  failed: '#a8071a',
  completedThisWeek: '#237804',
};

/** The board's counts as cards (the city's on the board, one ward's on its page). */
export function TotalCards({ totals }: { totals: readonly (readonly [TotalKey, number])[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Row gutter={[12, 12]} className="board-totals">
      {totals.map(([key, value]) => (
        <Col key={key} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic
              title={t(`board.totals.${key}`)}
              value={formatNumber(value, i18n.language)}
              valueStyle={COLORS[key] ? { color: COLORS[key] } : {}}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
