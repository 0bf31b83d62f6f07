import { Col, Row, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeUnit } from '../unit-tree-picker';
import { type DiffNode, type PreviewEntry, allIds, beforeAfterTrees, changedBranches } from './tree-diff';

/**
 * The ward's tree before and after the proposed items, side by side (stacked on a phone); changed units
 * carry a tag naming the change (not only a colour), renamed ones their old name. Keyboard: Tab to a tree,
 * then the arrow keys move, expand and collapse (antd Tree).
 */
export function BeforeAfterTree({
  tree,
  entries,
}: {
  tree: readonly TreeUnit[];
  entries: readonly PreviewEntry[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const trees = useMemo(() => beforeAfterTrees(tree, entries), [tree, entries]);
  const shown = onlyChanged
    ? { before: changedBranches(trees.before), after: changedBranches(trees.after) }
    : trees;

  const toData = (nodes: readonly DiffNode[], side: 'before' | 'after'): DataNode[] =>
    nodes.map((node) => ({
      key: node.id,
      className: node.changes.length > 0 ? `tree-changed tree-changed-${side}` : undefined,
      title: (
        <span className={node.dissolved && side === 'after' ? 'tree-dissolved' : undefined}>
          {node.name}
          {node.changes.map((change, i) => (
            <Tag key={i} color={side === 'after' ? 'red' : 'default'} className="tree-change-tag">
              {t(`kinds.${change}`)}
            </Tag>
          ))}
          {node.previousName ? (
            <Typography.Text type="secondary" className="tree-previous-name">
              {t('treeDiff.previousName', { name: node.previousName })}
            </Typography.Text>
          ) : null}
        </span>
      ),
      children: toData(node.children, side),
    }));

  const column = (side: 'before' | 'after', nodes: readonly DiffNode[]) => (
    <Col xs={24} md={12}>
      <Typography.Title level={5} id={`${headingId}-${side}`}>
        {t(`treeDiff.${side}`)}
      </Typography.Title>
      {nodes.length === 0 ? (
        <Typography.Text type="secondary">{t('treeDiff.empty')}</Typography.Text>
      ) : (
        <div role="group" aria-labelledby={`${headingId}-${side}`} className={`tree-diff tree-diff-${side}`}>
          <Tree
            key={`${side}-${String(onlyChanged)}`}
            defaultExpandedKeys={allIds(nodes)}
            treeData={toData(nodes, side)}
            selectable={false}
            height={420}
            showLine
          />
        </div>
      )}
    </Col>
  );

  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} className="before-after-tree">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('treeDiff.title')}
        </Typography.Title>
        <Space>
          <Switch
            checked={onlyChanged}
            onChange={setOnlyChanged}
            aria-label={t('treeDiff.onlyChanged')}
            size="small"
          />
          <Typography.Text>{t('treeDiff.onlyChanged')}</Typography.Text>
        </Space>
      </Space>
      <Row gutter={16}>
        {column('before', shown.before)}
        {column('after', shown.after)}
      </Row>
    </Space>
  );
}
