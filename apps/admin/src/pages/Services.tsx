import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending } from './common.tsx';

type Standards = RouterOutputs['standards']['list'];
type Item = Standards['items'][number];

export default function ServicesPage() {
  return <NeedPlan>{(planId) => <Services planId={planId} />}</NeedPlan>;
}

function Services({ planId }: { planId: string }) {
  const list = useQuery(trpc.standards.list.queryOptions({ planId }));
  return <Pending queries={[list]}>{() => list.data && <Body data={list.data} />}</Pending>;
}

const matches = (item: Item, q: string) =>
  [
    item.name,
    item.content,
    item.targetGroup,
    item.standard,
    item.funding,
    item.coverage,
    item.leadDepartment,
  ]
    .filter((t): t is string => typeof t === 'string')
    .some((t) => t.includes(q));

function Body({ data }: { data: Standards }) {
  const [query, setQuery] = useState('');
  const [field, setField] = useState<string | null>(null);
  const fields = [...new Set(data.items.map((i) => i.field.label))];
  const q = query.trim();
  const shown = data.items.filter(
    (i) => (field === null || i.field.label === field) && (q === '' || matches(i, q)),
  );
  const groups = fields
    .map((f) => ({ field: f, items: shown.filter((i) => i.field.label === f) }))
    .filter((g) => g.items.length > 0);
  const hasColumn = (k: keyof Item) => data.items.some((i) => i[k]);
  const optional = (k: keyof Item, title: string) =>
    hasColumn(k)
      ? [{ title, key: k, render: (_: unknown, i: Item) => (i[k] as string | null) ?? '—' }]
      : [];

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        基本公共服务标准
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        共列出 {data.items.length} 项
        {data.declaredServiceCount !== null
          ? `；规划文本声明共 ${data.declaredServiceCount} 项`
          : ''}
        {data.declaredServiceCount !== null && data.declaredServiceCount !== data.items.length
          ? '（两者不一致，见“规划检查”）'
          : ''}
        。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="service-search">搜索</label>
        <Input.Search
          id="service-search"
          aria-label="搜索服务项目"
          placeholder="项目名称、对象、标准、牵头单位…"
          allowClear
          style={{ width: 320 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor="service-field">领域</label>
        <Select
          id="service-field"
          aria-label="按领域筛选"
          allowClear
          placeholder="全部领域"
          style={{ width: 200 }}
          value={field}
          onChange={(v) => setField(v ?? null)}
          options={fields.map((f) => ({ value: f, label: f }))}
        />
        <Typography.Text type="secondary">显示 {shown.length} 项</Typography.Text>
      </Space>
      {groups.map((g) => (
        <Card
          key={g.field}
          title={`${g.field}（${g.items.length}项）`}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={g.items}
            columns={[
              { title: '序号', key: 'n', width: 60, render: (_, __, index) => index + 1 },
              { title: '服务项目', dataIndex: 'name', key: 'name' },
              ...optional('targetGroup', '服务对象'),
              ...optional('content', '服务内容'),
              ...optional('standard', '保障标准'),
              ...optional('funding', '支出责任'),
              ...optional('coverage', '覆盖水平'),
              ...optional('leadDepartment', '牵头单位'),
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
