import type { DataDirLockedError } from '@minsheng/db';

/** The command line the user typed, without the program, for a message to repeat it. */
function typed(): string {
  return process.argv
    .slice(2)
    .map((a) => (/^[\w./:=@,+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))
    .join(' ');
}

/**
 * Why a command will not open a PGlite folder another process holds, and what to do instead:
 * commands that read or import go through the server's API; the others wait for it to stop.
 * Nothing is written behind the holder's back (see packages/db/src/lock.ts).
 */
export function lockedMessage(error: DataDirLockedError, viaApi: boolean): string {
  const { holder, dataDir, lockFile } = error;
  const who = holder.api
    ? `the Minsheng server at ${holder.api} (process ${holder.pid})`
    : `process ${holder.pid} (${holder.command})`;
  const whoZh = holder.api
    ? `运行中的民生服务（${holder.api}，进程 ${holder.pid}）`
    : `进程 ${holder.pid}（${holder.command}）`;
  const api = holder.api ?? '<server>/trpc';
  const lines = [
    `数据文件夹 ${dataDir} 正由${whoZh}使用；为免数据丢失，本命令不会绕过它打开该文件夹。`,
    `the data folder ${dataDir} is in use by ${who}; to keep its data safe this command does not open the folder behind its back.`,
  ];
  if (viaApi) {
    lines.push(
      '请经由服务执行 / run it through the server:',
      `  minsheng ${typed()} --api ${api} --token <session token>`,
      '(会话令牌：登录后 minsheng_session cookie 的值，也可设置 MINSHENG_TOKEN / the session token is the',
      ` minsheng_session cookie of a sign-in, e.g. curl -c - -H 'content-type: application/json' -d '{"username":"…","password":"…"}' ${api}/auth.signIn;`,
      ' with MINSHENG_TOKEN set, the command goes through the server by itself)',
    );
  } else {
    lines.push('请先停止该服务再执行本命令 / stop the server first, then run this command again.');
  }
  lines.push(`若确无此进程，删除 ${lockFile} / if no such process runs, delete ${lockFile}.`);
  return lines.join('\n');
}
