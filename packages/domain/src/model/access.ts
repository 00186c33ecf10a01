import { z } from 'zod';
import { RegionCodeSchema } from './region.ts';

export const RoleSchema = z.enum(['admin', 'editor', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  editor: '填报员',
  viewer: '查看者',
};

/** What each role may do, within its region and every region below it. */
export const ROLE_ABILITIES = {
  admin: { read: true, write: true, approve: true, manageUsers: true },
  editor: { read: true, write: true, approve: true, manageUsers: false },
  viewer: { read: true, write: false, approve: false, manageUsers: false },
} as const satisfies Record<Role, Record<'read' | 'write' | 'approve' | 'manageUsers', boolean>>;

export const UsernameSchema = z
  .string()
  .min(2, 'a user name has at least 2 characters')
  .max(40, 'a user name has at most 40 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'a user name is letters, digits, "_", "." and "-"');

export const PasswordSchema = z
  .string()
  .min(10, 'a password has at least 10 characters')
  .max(200, 'a password has at most 200 characters');

/** A user's id as a procedure takes it (a UUID in practice; bounded so a huge string is refused). */
export const UserIdSchema = z.string().min(1).max(100);

export const UserSchema = z.object({
  id: z.string(),
  username: UsernameSchema,
  displayName: z.string().min(1).max(60),
  role: RoleSchema,
  regionCode: RegionCodeSchema,
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  regionCode: RegionCodeSchema.nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
