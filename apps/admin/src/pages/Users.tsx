import { ROLE_LABELS, type Role, RoleSchema } from '@minsheng/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useWorkspace } from '../lib/session.tsx';
import { errorMessage, queryClient, type RouterOutputs, trpc } from '../lib/trpc.ts';
import { Pending } from './common.tsx';

type UserRow = RouterOutputs['users']['list'][number];
interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  password: string;
}

const roleOptions = RoleSchema.options.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default function UsersPage() {
  const { user } = useWorkspace();
  const users = useQuery(trpc.users.list.queryOptions());
  const regions = useQuery(trpc.regions.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [form] = Form.useForm<NewUser>();
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const done = async (text: string) => {
    setNotice({ type: 'success', text });
    await queryClient.invalidateQueries(trpc.users.pathFilter());
  };
  const fail = (e: unknown) => setNotice({ type: 'error', text: errorMessage(e) });

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (_, u) => {
        setCreating(false);
        form.resetFields();
        await done(`已创建用户 ${u.username}`);
      },
      onError: fail,
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: () => done('已保存'), onError: fail }),
  );
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async () => {
        setResetting(null);
        setPassword('');
        await done('已重置密码');
      },
      onError: fail,
    }),
  );

  const regionOptions = (regions.data ?? []).map((r) => ({
    value: r.code,
    label: `${r.name}（${r.code}）`,
  }));

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        用户与角色
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每个用户的角色限于其所属地区及下级地区。管理员：全部权限；填报员：填报、审核；查看者：只读。
      </Typography.Paragraph>
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
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
        新建用户
      </Button>
      <Pending queries={[users, regions]}>
        {() => (
          <Table<UserRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={users.data ?? []}
            columns={[
              { title: '用户名', dataIndex: 'username', key: 'username' },
              { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
              {
                title: '角色',
                key: 'role',
                render: (_, u) =>
                  u.id === user.id ? (
                    <Tag color="blue">{ROLE_LABELS[u.role]}（本人）</Tag>
                  ) : (
                    <Select
                      aria-label={`${u.username}的角色`}
                      size="small"
                      style={{ width: 110 }}
                      value={u.role}
                      options={roleOptions}
                      onChange={(role: Role) => update.mutate({ id: u.id, role })}
                    />
                  ),
              },
              {
                title: '所属地区',
                key: 'region',
                render: (_, u) =>
                  u.id === user.id ? (
                    regionName(u.regionCode)
                  ) : (
                    <Select
                      aria-label={`${u.username}的所属地区`}
                      size="small"
                      style={{ width: 200 }}
                      value={u.regionCode}
                      options={regionOptions}
                      onChange={(regionCode: string) => update.mutate({ id: u.id, regionCode })}
                    />
                  ),
              },
              {
                title: '启用',
                key: 'disabled',
                render: (_, u) => (
                  <Space>
                    <Switch
                      aria-label={`${u.username}是否启用`}
                      checked={!u.disabled}
                      disabled={u.id === user.id}
                      onChange={(on) => update.mutate({ id: u.id, disabled: !on })}
                    />
                    {u.disabled ? '已停用' : '启用中'}
                  </Space>
                ),
              },
              {
                title: '操作',
                key: 'actions',
                render: (_, u) => (
                  <Button
                    size="small"
                    onClick={() => setResetting(u)}
                    aria-label={`重置${u.username}的密码`}
                  >
                    重置密码
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Pending>
      <Modal
        open={creating}
        title="新建用户"
        okText="创建"
        cancelText="取消"
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
      >
        <Form<NewUser>
          form={form}
          layout="vertical"
          initialValues={{ role: 'editor', regionCode: user.regionCode }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              {
                required: true,
                pattern: /^[A-Za-z0-9_.-]{2,40}$/,
                message: '2—40位字母、数字、“_”“.”“-”',
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="姓名"
            name="displayName"
            rules={[{ required: true, message: '请输入姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item label="所属地区" name="regionCode" rules={[{ required: true }]}>
            <Select options={regionOptions} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item
            label="初始密码"
            name="password"
            rules={[{ required: true, min: 10, message: '密码至少10个字符' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`重置密码：${resetting?.username ?? ''}`}
        okText="重置"
        cancelText="取消"
        okButtonProps={{ disabled: password.length < 10, loading: reset.isPending }}
        onOk={() => resetting && reset.mutate({ id: resetting.id, password })}
        onCancel={() => setResetting(null)}
      >
        <label htmlFor="reset-password">新密码（至少10个字符）</label>
        <Input.Password
          id="reset-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Modal>
    </div>
  );
}
