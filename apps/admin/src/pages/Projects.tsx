import { PROJECT_STATUS_LABELS, ROLE_ABILITIES } from '@minsheng/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useWorkspace } from '../lib/session.tsx';
import { errorMessage, queryClient, type RouterOutputs, trpc } from '../lib/trpc.ts';
import { NeedPlan, Pending } from './common.tsx';

type Project = RouterOutputs['projects']['list'][number];
type Status = Project['status'];

const STATUS_LABELS: Record<Status, string> = PROJECT_STATUS_LABELS;
const STATUS_COLORS: Record<Status, string> = {
  not_started: 'default',
  in_progress: 'processing',
  completed: 'success',
  suspended: 'warning',
};

export default function ProjectsPage() {
  return <NeedPlan>{(planId) => <Projects planId={planId} />}</NeedPlan>;
}

function Projects({ planId }: { planId: string }) {
  const list = useQuery(trpc.projects.list.queryOptions({ planId }));
  return (
    <Pending queries={[list]}>
      {() => list.data && <Body planId={planId} projects={list.data} />}
    </Pending>
  );
}

function Body({ planId, projects }: { planId: string; projects: Project[] }) {
  const { user } = useWorkspace();
  const mayEdit = ROLE_ABILITIES[user.role].write;
  const [editing, setEditing] = useState<Project | null>(null);
  const [draft, setDraft] = useState<{ status: Status; progress: number; note: string }>({
    status: 'not_started',
    progress: 0,
    note: '',
  });
  const [status, setStatus] = useState<Status | null>(null);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.projects.pathFilter());
  const save = useMutation(
    trpc.projects.updateStatus.mutationOptions({
      onSuccess: async (p) => {
        setNotice({ type: 'success', text: `已更新：${p.name ?? p.text.slice(0, 20)}` });
        setEditing(null);
        await refresh();
      },
      onError: async (e) => {
        setNotice({ type: 'error', text: errorMessage(e) });
        await refresh();
      },
    }),
  );

  const q = query.trim();
  const shown = projects.filter(
    (p) =>
      (status === null || p.status === status) &&
      (q === '' ||
        p.text.includes(q) ||
        (p.name ?? '').includes(q) ||
        p.responsible.some((r) => r.includes(q))),
  );
  const boxes = [...new Set(shown.map((p) => p.box))];

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        项目与任务
      </Typography.Title>
      {notice ? (
        <Alert
          type={notice.type}
          showIcon
          closable
          title={notice.text}
          style={{ marginBottom: 12 }}
          onClose={() => setNotice(null)}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="project-search">搜索</label>
        <Input
          id="project-search"
          allowClear
          placeholder="项目内容或责任单位"
          style={{ width: 280 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor="project-status">状态</label>
        <Select
          id="project-status"
          aria-label="按状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Typography.Text type="secondary">
          显示 {shown.length} / {projects.length} 项
        </Typography.Text>
      </Space>
      {projects.length === 0 ? (
        <Typography.Paragraph>本规划未列出项目或任务。</Typography.Paragraph>
      ) : null}
      {boxes.map((box) => (
        <Card key={box} title={box} size="small" style={{ marginBottom: 16 }}>
          <Table<Project>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={shown.filter((p) => p.box === box)}
            columns={[
              {
                title: '项目 / 任务',
                key: 'text',
                render: (_, p) => (
                  <div>
                    {p.number ? `${p.number}. ` : ''}
                    {p.name ? <strong>{p.name}：</strong> : null}
                    {p.text}
                    {p.group ? (
                      <div style={{ fontSize: 12, color: '#595959' }}>{p.group}</div>
                    ) : null}
                  </div>
                ),
              },
              {
                title: '责任单位',
                key: 'responsible',
                width: 180,
                render: (_, p) => (p.responsible.length > 0 ? p.responsible.join('、') : '—'),
              },
              {
                title: '状态',
                key: 'status',
                width: 90,
                render: (_, p) => (
                  <Tag color={STATUS_COLORS[p.status]}>{STATUS_LABELS[p.status]}</Tag>
                ),
              },
              {
                title: '进度',
                key: 'progress',
                width: 160,
                render: (_, p) => (
                  <div>
                    <Progress percent={p.progress} size="small" aria-label={`进度${p.progress}%`} />
                    {p.statusNote ? <div style={{ fontSize: 12 }}>{p.statusNote}</div> : null}
                    {p.statusUpdatedBy ? (
                      <div style={{ fontSize: 12, color: '#595959' }}>
                        {p.statusUpdatedBy} 于{' '}
                        {p.statusUpdatedAt
                          ? new Date(p.statusUpdatedAt).toLocaleDateString('zh-CN')
                          : ''}
                      </div>
                    ) : null}
                  </div>
                ),
              },
              ...(mayEdit
                ? [
                    {
                      title: '操作',
                      key: 'edit',
                      width: 80,
                      render: (_: unknown, p: Project) => (
                        <Button
                          size="small"
                          aria-label={`更新进度：${p.name ?? p.text.slice(0, 20)}`}
                          onClick={() => {
                            setDraft({
                              status: p.status,
                              progress: p.progress,
                              note: p.statusNote ?? '',
                            });
                            setEditing(p);
                          }}
                        >
                          更新
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ))}
      <Modal
        open={editing !== null}
        title="更新项目进度"
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() =>
          editing &&
          save.mutate({
            planId,
            projectId: editing.id,
            status: draft.status,
            progress: draft.progress,
            note: draft.note.trim() || null,
            expectedVersion: editing.version,
          })
        }
        onCancel={() => setEditing(null)}
      >
        <p>{editing?.text}</p>
        <Space direction="vertical" style={{ width: '100%' }}>
          <label htmlFor="edit-status">状态</label>
          <Select
            id="edit-status"
            style={{ width: 200 }}
            value={draft.status}
            onChange={(v: Status) =>
              setDraft({ ...draft, status: v, progress: v === 'completed' ? 100 : draft.progress })
            }
            options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <label htmlFor="edit-progress">进度（%）</label>
          <InputNumber
            id="edit-progress"
            min={0}
            max={100}
            value={draft.progress}
            onChange={(v) => setDraft({ ...draft, progress: v ?? 0 })}
          />
          <label htmlFor="edit-note">说明</label>
          <Input.TextArea
            id="edit-note"
            rows={3}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          />
        </Space>
      </Modal>
    </div>
  );
}
