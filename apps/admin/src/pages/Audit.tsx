import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ACTION_LABELS, brief, ENTITY_LABELS } from '../lib/audit.ts';
import { client, type RouterOutputs, trpc } from '../lib/trpc.ts';
import { Pending } from './common.tsx';

type AuditRow = RouterOutputs['audit']['list'][number];
const PAGE = 100;

export default function AuditPage() {
  const [entity, setEntity] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const id = entityId.trim();
  const filter = { limit: PAGE, ...(entity ? { entity } : {}), ...(id ? { entityId: id } : {}) };
  // Paged by `beforeSeq`, not tRPC's `cursor`: the key is still the one tRPC derives.
  const log = useInfiniteQuery({
    queryKey: trpc.audit.list.queryKey(filter),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      client.audit.list.query({ ...filter, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]?.seq : undefined),
  });
  const rows = (log.data?.pages ?? []).flat();
  // Who and what are filtered here, on the pages already loaded; the server filters the rest.
  const shown = rows.filter(
    (r) =>
      (actor.trim() === '' || (r.actor ?? '').includes(actor.trim())) &&
      (action === null || r.action === action),
  );

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        操作日志
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="audit-entity">对象类型</label>
        <Select
          id="audit-entity"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={entity}
          onChange={(v) => setEntity(v ?? null)}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <label htmlFor="audit-entity-id">对象编号</label>
        <Input
          id="audit-entity-id"
          allowClear
          style={{ width: 220 }}
          value={entityId}
          onChange={(e) => setEntityId(e.target.value)}
        />
        <label htmlFor="audit-actor">操作人</label>
        <Input
          id="audit-actor"
          allowClear
          style={{ width: 140 }}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
        />
        <label htmlFor="audit-action">操作</label>
        <Select
          id="audit-action"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={action}
          onChange={(v) => setAction(v ?? null)}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Pending queries={[log]}>
        {() => (
          <>
            <Table<AuditRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={shown}
              locale={{ emptyText: '没有符合条件的记录' }}
              columns={[
                {
                  title: '时间',
                  key: 'at',
                  width: 170,
                  render: (_, a) => new Date(a.at).toLocaleString('zh-CN'),
                },
                { title: '操作人', key: 'actor', render: (_, a) => a.actor ?? '系统' },
                {
                  title: '操作',
                  key: 'action',
                  render: (_, a) => ACTION_LABELS[a.action] ?? a.action,
                },
                {
                  title: '对象',
                  key: 'entity',
                  render: (_, a) => `${ENTITY_LABELS[a.entity] ?? a.entity} ${a.entityId}`,
                },
                { title: '变更前', key: 'before', render: (_, a) => brief(a.before) },
                { title: '变更后', key: 'after', render: (_, a) => brief(a.after) },
              ]}
            />
            {log.hasNextPage ? (
              <Button
                style={{ marginTop: 12 }}
                loading={log.isFetchingNextPage}
                onClick={() => log.fetchNextPage()}
              >
                加载更早的记录
              </Button>
            ) : null}
          </>
        )}
      </Pending>
    </div>
  );
}
