import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { client, queryClient, type RouterOutputs, trpc } from './trpc.ts';

export type Me = NonNullable<RouterOutputs['auth']['me']>;

interface Workspace {
  user: Me;
  /** The region whose plans are shown: the user's own region until they pick another. */
  regionCode: string;
  setRegionCode: (code: string) => void;
  /** The plan the pages work on, or null while the region's plans load or when it has none. */
  planId: string | null;
  setPlanId: (id: string | null) => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

const STORAGE_KEY = 'minsheng.workspace';

function remembered(): { regionCode?: string; planId?: string } {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as {
      regionCode?: string;
      planId?: string;
    };
  } catch {
    return {};
  }
}

export function WorkspaceProvider({ user, children }: { user: Me; children: ReactNode }) {
  const [state, setState] = useState(() => {
    const saved = remembered();
    return { regionCode: saved.regionCode ?? user.regionCode, planId: saved.planId ?? null };
  });
  const save = (next: { regionCode: string; planId: string | null }) => {
    setState(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };
  const setRegionCode = (code: string) => save({ regionCode: code, planId: null });
  const setPlanId = (id: string | null) => save({ regionCode: state.regionCode, planId: id });
  const value = { user, ...state, setRegionCode, setPlanId };
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside WorkspaceProvider');
  return ws;
}

/** The signed-in user, null when signed out; undefined while the first answer is on its way. */
export function useMe() {
  return useQuery({ ...trpc.auth.me.queryOptions(), retry: false });
}

export function useSignOut() {
  return useCallback(async () => {
    try {
      await client.auth.signOut.mutate();
    } finally {
      localStorage.removeItem(STORAGE_KEY);
      queryClient.clear();
      await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
    }
  }, []);
}
