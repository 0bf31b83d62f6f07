import { Input, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from './paste-rows';

export interface TreeUnit {
  readonly id: string;
  readonly name: string;
  readonly children: readonly TreeUnit[];
}

/** Keeps the nodes whose name matches (diacritics and case ignored) and their ancestors. */
const filterTree = (nodes: readonly TreeUnit[], query: string): DataNode[] =>
  nodes.flatMap((node): DataNode[] => {
    const children = filterTree(node.children, query);
    const matches = !query || foldVietnamese(node.name).includes(query);
    return matches || children.length > 0 ? [{ key: node.id, title: node.name, children }] : [];
  });

const allKeys = (nodes: readonly DataNode[]): string[] =>
  nodes.flatMap((n) => [String(n.key), ...allKeys(n.children ?? [])]);

/** The ward's units as a checkable tree with a search box. */
export function UnitTreePicker({
  tree,
  checked,
  onChange,
}: {
  tree: readonly TreeUnit[];
  checked: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>(() => tree.map((n) => n.id));
  const query = foldVietnamese(search);
  const data = useMemo(() => filterTree(tree, query), [tree, query]);
  return (
    <div className="unit-tree">
      <Input.Search
        allowClear
        aria-label={t('start.searchUnits')}
        placeholder={t('start.searchUnits')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {data.length === 0 ? (
        <Typography.Text type="secondary">{t('start.noUnits')}</Typography.Text>
      ) : (
        <Tree
          checkable
          checkStrictly
          expandedKeys={query ? allKeys(data) : expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          height={360}
          treeData={data}
          checkedKeys={checked}
          onCheck={(keys) => onChange((Array.isArray(keys) ? keys : keys.checked).map(String))}
        />
      )}
    </div>
  );
}

export const flattenTree = (nodes: readonly TreeUnit[]): { id: string; name: string }[] =>
  nodes.flatMap((n) => [{ id: n.id, name: n.name }, ...flattenTree(n.children)]);
