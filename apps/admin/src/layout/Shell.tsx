import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@minsheng/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Select, Space, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { canOpen, PAGES } from '../lib/routes.ts';
import { useSignOut, useWorkspace } from '../lib/session.tsx';
import { type RouterOutputs, trpc } from '../lib/trpc.ts';
import { regionTree } from './regionTree.ts';

export type RegionRow = RouterOutputs['regions']['list'][number];

export default function Shell() {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();

  const regions = useQuery(trpc.regions.list.queryOptions());
  const plans = useQuery(trpc.plans.list.queryOptions({ regionCode: ws.regionCode }));

  // The first plan of the region is the one to show until the user picks another.
  useEffect(() => {
    const list = plans.data;
    if (!list) return;
    if (ws.planId && list.some((p) => p.id === ws.planId)) return;
    const first = list.find((p) => p.regionCode === ws.regionCode) ?? list[0];
    ws.setPlanId(first?.id ?? null);
  }, [plans.data, ws]);

  const tree = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  const region = regions.data?.find((r) => r.code === ws.regionCode);
  const menu = Object.values(PAGES)
    .filter((p) => p.inMenu && canOpen(p, ws.user.role))
    .map((p) => ({ key: p.path, label: p.label }));
  const selected = menu.find((m) => location.pathname.startsWith(m.key))?.key ?? '';

  return (
    <Layout style={{ height: '100%' }}>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <Layout.Header className="app-header">
        <span className="app-brand">民生 · 公共服务规划监测</span>
        <Space>
          <label htmlFor="plan-switcher">当前规划</label>
          <Select
            id="plan-switcher"
            aria-label="切换规划"
            style={{ width: 420 }}
            loading={plans.isPending}
            value={ws.planId ?? undefined}
            placeholder={plans.data?.length === 0 ? `${region?.name ?? ''}暂无规划` : '选择规划'}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(id: string) => ws.setPlanId(id)}
            popupMatchSelectWidth={false}
          />
        </Space>
        <span className="app-header-spacer" />
        <Space aria-label="当前用户">
          <UserOutlined aria-hidden />
          <Typography.Text strong>{ws.user.displayName}</Typography.Text>
          <Typography.Text type="secondary">（{ws.user.username}）</Typography.Text>
          <Tag color="blue">{ROLE_LABELS[ws.user.role]}</Tag>
          <Typography.Text type="secondary">
            {regions.data?.find((r) => r.code === ws.user.regionCode)?.name ?? ws.user.regionCode}
          </Typography.Text>
          <Button
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut();
              navigate('/login');
            }}
          >
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={250} className="app-sider" theme="light">
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={menu}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
          <div className="app-sider-section" id="region-tree-label">
            地区（国家 → 省 → 市 → 县）
          </div>
          {tree.length > 0 ? (
            <Tree
              aria-labelledby="region-tree-label"
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={[ws.regionCode]}
              onSelect={(keys) => {
                const code = keys[0];
                if (typeof code === 'string') ws.setRegionCode(code);
              }}
            />
          ) : (
            <Typography.Text type="secondary" style={{ padding: 12 }}>
              {regions.isError ? '地区加载失败' : '加载中…'}
            </Typography.Text>
          )}
        </Layout.Sider>
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
