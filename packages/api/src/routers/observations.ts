import { randomUUID } from 'node:crypto';
import {
  actedOn,
  type Database,
  indicatorNames,
  indicatorOfPlan,
  insertObservation,
  iso,
  json,
  listObservations,
  lockObservationsOfYear,
  type ObservationWithNames,
  observationAt,
  observationById,
  planById,
  planIdOfObservation,
  type Transaction,
  toObservation,
  updateObservation,
} from '@minsheng/db';
import {
  answerOf,
  ImportBatchResultSchema,
  OBSERVATION_STATE_LABELS,
  ObservationInputSchema,
  type ObservationOut,
  ObservationOutSchema,
  type ObservationState,
  ObservationStateSchema,
  ObservationYearSchema,
  ObservedValueTextSchema,
  observedValueProblem,
  PlanIdSchema,
  parseValue,
  RecordIdSchema,
  SheetResultSchema,
  type Value,
} from '@minsheng/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { type Ability, can, refuseRecord } from '../access.ts';
import { audit } from '../audit.ts';
import type { Context } from '../context.ts';
import { badInput, conflict, forbidden, isUniqueViolation, wrongState } from '../errors.ts';
import { planFor } from '../plan-access.ts';
import { authedProcedure, router } from '../trpc.ts';

function describe(o: { plan_id: string; indicator_id: string; year: number }): string {
  return `observation ${o.plan_id}/${o.indicator_id}/${o.year}`;
}

/** The refusal of a stale save: who changed the record, when, and to which version. */
function staleVersion(row: ObservationWithNames, expected: number | null): never {
  throw conflict(
    `${describe(row)} was changed by ${row.updated_by_name} at ${iso(row.updated_at)} (now version ${
      row.version
    }, you read ${expected === null ? 'none' : `version ${expected}`}): reload it and try again`,
  );
}

/** The part of an observation the audit log keeps. */
function auditView(o: ObservationOut) {
  return {
    planId: o.planId,
    indicatorId: o.indicatorId,
    year: o.year,
    raw: o.raw,
    source: o.source,
    note: o.note,
    state: o.state,
    returnReason: o.returnReason,
    version: o.version,
  };
}

// Versions are PostgreSQL integers: a larger number is bad input, never a database error.
const ExpectedVersionSchema = z.number().int().positive().max(2_147_483_647);

/**
 * The grammar's reading of an observed value. 是 / 否 answer a qualitative target (应保尽保) and
 * have none: the raw text carries them, and the evaluation reads it.
 */
function readingOf(raw: string): Value {
  return answerOf(raw) === null ? parseValue(raw) : { kind: 'none', mark: '' };
}

/** Loads an observation by id for a workflow step and checks the user may take it. */
async function observationFor(
  ctx: Context & { user: NonNullable<Context['user']> },
  id: string,
  ability: Ability,
) {
  const planId = await planIdOfObservation(ctx.db, id);
  const plan = planId !== undefined ? await planById(ctx.db, planId) : undefined;
  // Out of reach and not there at all look alike: ids of other regions stay unknown.
  if (plan && (await can(ctx, ctx.user, ability, plan.region_code))) return plan;
  return refuseRecord(ctx, ctx.user, ability, `observation "${id}"`);
}

/** The audited steps that write a version of a value (its text, source, note) or submit it. */
const WRITING_ACTIONS = ['create_draft', 'update_draft', 'import', 'submit'];

/**
 * Four eyes: true when the user wrote any version of the value or submitted it — not only the
 * last submitter, or an editor who overwrote a colleague's draft could approve their own words.
 * The audit log holds every version's author (written in the same transaction as the version);
 * the row's own columns cover values that were loaded without it.
 */
async function wroteAVersion(
  trx: Transaction<Database>,
  row: { id: string; entered_by: string; submitted_by: string | null },
  userId: string,
): Promise<boolean> {
  if ([row.entered_by, row.submitted_by].includes(userId)) return true;
  return actedOn(trx, {
    entity: 'observation',
    entityId: row.id,
    actions: WRITING_ACTIONS,
    actorId: userId,
  });
}

/** A value is entered for a year of the plan's period only. */
function assertInPeriod(plan: { period_start: number; period_end: number }, year: number): void {
  if (year < plan.period_start || year > plan.period_end) {
    throw badInput(
      'year',
      year,
      `is outside the plan's period ${plan.period_start}–${plan.period_end}`,
    );
  }
}

interface Transition {
  from: readonly ObservationState[];
  to: ObservationState;
  action: string;
  ability: Ability;
}

const TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted', action: 'submit', ability: 'write' },
  approve: { from: ['submitted'], to: 'approved', action: 'approve', ability: 'approve' },
  return: { from: ['submitted'], to: 'returned', action: 'return', ability: 'approve' },
} as const satisfies Record<string, Transition>;

/** One workflow step on a locked row, inside the caller's transaction, audited. */
async function applyStep(
  trx: Transaction<Database>,
  ctx: Context & { user: NonNullable<Context['user']> },
  regionCode: string,
  step: Transition,
  row: ObservationWithNames,
  expectedVersion: number,
  reason?: string,
): Promise<ObservationOut> {
  if (row.version !== expectedVersion) staleVersion(row, expectedVersion);
  if (!step.from.includes(row.state as ObservationState)) {
    throw wrongState(
      `${describe(row)} is ${row.state}: only a ${step.from.join(' or ')} observation can be ${
        step.to
      }`,
    );
  }
  if (step.to === 'approved' && (await wroteAVersion(trx, row, ctx.user.id))) {
    throw forbidden(
      `${describe(row)}：${ctx.user.username} 填报、修改或提交过这一数值，须由未经手的其他用户审核（${ctx.user.username} wrote or submitted a version of this value: approving needs a different user from everyone who wrote or submitted any of its versions）`,
    );
  }
  const now = ctx.now();
  const reviewing = step.to === 'approved' || step.to === 'returned';
  await updateObservation(trx, row.id, {
    state: step.to,
    ...(step.to === 'submitted' ? { submitted_by: ctx.user.id, submitted_at: now } : {}),
    ...(reviewing ? { reviewed_by: ctx.user.id, reviewed_at: now } : {}),
    return_reason: step.to === 'returned' ? (reason ?? null) : row.return_reason,
    updated_by: ctx.user.id,
    updated_at: now,
    version: row.version + 1,
  });
  const after = toObservation(await observationById(trx, row.id));
  await audit(trx, {
    actor: ctx.user,
    action: step.action,
    entity: 'observation',
    entityId: row.id,
    regionCode,
    before: auditView(toObservation(row)),
    after: auditView(after),
  });
  return after;
}

async function transition(
  ctx: Context & { user: NonNullable<Context['user']> },
  step: Transition,
  input: { id: string; expectedVersion: number; reason?: string },
): Promise<ObservationOut> {
  const plan = await observationFor(ctx, input.id, step.ability);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await observationById(trx, input.id, { lock: true });
    return applyStep(trx, ctx, plan.region_code, step, row, input.expectedVersion, input.reason);
  });
}

interface ValueFields {
  raw: string;
  source: string | null;
  note: string | null;
}

/**
 * Writes one value inside the caller's transaction, over `existing` (the locked row, already
 * checked for its version and state) or as a new row, audited: as a draft from the console, or
 * straight to submitted from a spreadsheet import.
 */
async function writeValue(
  trx: Transaction<Database>,
  ctx: Context & { user: NonNullable<Context['user']> },
  regionCode: string,
  key: { plan_id: string; indicator_id: string; year: number },
  values: ValueFields,
  existing: ObservationWithNames | undefined,
  how: 'draft' | 'import' = 'draft',
): Promise<ObservationOut> {
  const now = ctx.now();
  const fields = {
    raw: values.raw,
    value: json(readingOf(values.raw)),
    source: values.source,
    note: values.note,
    updated_by: ctx.user.id,
    updated_at: now,
    ...(how === 'import'
      ? {
          state: 'submitted' as const,
          return_reason: null,
          submitted_by: ctx.user.id,
          submitted_at: now,
        }
      : { state: 'draft' as const }),
  };
  const id = existing?.id ?? randomUUID();
  if (existing) {
    await updateObservation(trx, id, { ...fields, version: existing.version + 1 });
  } else {
    await insertObservation(trx, {
      id,
      ...key,
      return_reason: null,
      submitted_by: null,
      submitted_at: null,
      ...fields,
      entered_by: ctx.user.id,
      entered_at: now,
      reviewed_by: null,
      reviewed_at: null,
      version: 1,
    });
  }
  const after = toObservation(await observationById(trx, id));
  await audit(trx, {
    actor: ctx.user,
    action: how === 'import' ? 'import' : existing ? 'update_draft' : 'create_draft',
    entity: 'observation',
    entityId: id,
    regionCode,
    before: existing ? auditView(toObservation(existing)) : null,
    after: auditView(after),
  });
  return after;
}

const SheetCellSchema = z.object({
  indicatorId: RecordIdSchema,
  // Read per cell in the procedure, so a bad value is named by its indicator, in Chinese.
  value: z.string().max(1000),
  source: z.string().max(500).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
  /** The version the editor read; null for a value not entered yet. */
  expectedVersion: ExpectedVersionSchema.nullable(),
});

/** One cell a sheet could not take, named as the person sees it. */
interface SheetProblem {
  indicator: string;
  zh: string;
  kind: 'input' | 'state' | 'stale';
}

function sheetRefusal(year: number, problems: SheetProblem[]): TRPCError {
  const kinds = new Set(problems.map((p) => p.kind));
  const code = kinds.has('stale')
    ? 'CONFLICT'
    : kinds.has('state')
      ? 'PRECONDITION_FAILED'
      : 'BAD_REQUEST';
  const cells = problems.map((p) => `“${p.indicator}”${year}年：${p.zh}`).join('；');
  return new TRPCError({
    code,
    message: `本表未保存，${problems.length}处有误：${cells}`,
  });
}

/**
 * A whole entry sheet (one plan, one year) in one transaction: every changed value saved as a
 * draft and, in submit mode, submitted with the sheet's other drafts. All of it or none of it:
 * each cell that cannot go in is named (indicator and year, in Chinese) and nothing is written.
 */
const saveSheet = authedProcedure
  .input(
    z.object({
      planId: PlanIdSchema,
      year: ObservationYearSchema,
      mode: z.enum(['draft', 'submit']),
      cells: z.array(SheetCellSchema).max(5000, 'a sheet holds at most 5000 values'),
      /** In submit mode: drafts or returned values of the sheet left unchanged, to submit too. */
      submit: z
        .array(z.object({ indicatorId: RecordIdSchema, expectedVersion: ExpectedVersionSchema }))
        .max(5000)
        .default([]),
    }),
  )
  .output(SheetResultSchema)
  .mutation(async ({ ctx, input }) => {
    const plan = await planFor(ctx, ctx.user, input.planId, 'write');
    assertInPeriod(plan, input.year);
    if (input.mode === 'draft' && input.submit.length > 0) {
      throw badInput('submit', input.submit.length, 'values can be submitted in submit mode only');
    }
    const indicators = await indicatorNames(ctx.db, plan.id);
    const nameOf = (id: string) => indicators.get(id)?.name ?? id;
    const problems: SheetProblem[] = [];
    const seen = new Set<string>();
    for (const { indicatorId } of [...input.cells, ...input.submit]) {
      if (indicators.get(indicatorId)?.in_package !== true) {
        problems.push({ indicator: indicatorId, zh: '不是本规划的指标', kind: 'input' });
      } else if (seen.has(indicatorId)) {
        problems.push({ indicator: nameOf(indicatorId), zh: '在本表中出现两次', kind: 'input' });
      }
      seen.add(indicatorId);
    }
    for (const cell of input.cells) {
      const raw = cell.value.trim();
      const problem =
        raw === ''
          ? { zh: '已保存的数值不能清空，如需更正请填写新数值' }
          : observedValueProblem(raw);
      if (problem)
        problems.push({ indicator: nameOf(cell.indicatorId), zh: problem.zh, kind: 'input' });
    }
    if (problems.length > 0) throw sheetRefusal(input.year, problems);
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const existing = await lockObservationsOfYear(trx, plan.id, input.year, [...seen]);
        for (const cell of input.cells) {
          const row = existing.get(cell.indicatorId);
          const indicator = nameOf(cell.indicatorId);
          if (!row) {
            if (cell.expectedVersion !== null) {
              problems.push({ indicator, zh: '该数值已被删除，请刷新后重试', kind: 'stale' });
            }
          } else if (row.version !== cell.expectedVersion) {
            problems.push({
              indicator,
              zh: `已被${row.updated_by_name}修改（现为第${row.version}版），请刷新后重试`,
              kind: 'stale',
            });
          } else if (row.state === 'submitted' || row.state === 'approved') {
            problems.push({
              indicator,
              zh: `${OBSERVATION_STATE_LABELS[row.state]}，退回后才能修改`,
              kind: 'state',
            });
          }
        }
        for (const entry of input.submit) {
          const row = existing.get(entry.indicatorId);
          const indicator = nameOf(entry.indicatorId);
          if (!row || row.version !== entry.expectedVersion) {
            problems.push({ indicator, zh: '已被他人修改，请刷新后重试', kind: 'stale' });
          } else if (row.state !== 'draft' && row.state !== 'returned') {
            problems.push({
              indicator,
              zh: `${OBSERVATION_STATE_LABELS[row.state]}，不能再提交`,
              kind: 'state',
            });
          }
        }
        if (problems.length > 0) throw sheetRefusal(input.year, problems);

        const saved: ObservationOut[] = [];
        for (const cell of input.cells) {
          const key = { plan_id: plan.id, indicator_id: cell.indicatorId, year: input.year };
          const values = { raw: cell.value.trim(), source: cell.source, note: cell.note };
          saved.push(
            await writeValue(
              trx,
              ctx,
              plan.region_code,
              key,
              values,
              existing.get(cell.indicatorId),
            ),
          );
        }
        if (input.mode === 'draft')
          return { planId: plan.id, year: input.year, saved, submitted: [] };
        const toSubmit = [
          ...saved.map((o) => ({ id: o.id, version: o.version })),
          ...input.submit.map((e) => ({
            id: existing.get(e.indicatorId)?.id ?? '',
            version: e.expectedVersion,
          })),
        ];
        const submitted: ObservationOut[] = [];
        for (const { id, version } of toSubmit) {
          const row = await observationById(trx, id);
          submitted.push(
            await applyStep(trx, ctx, plan.region_code, TRANSITIONS.submit, row, version),
          );
        }
        return { planId: plan.id, year: input.year, saved, submitted };
      });
    } catch (error) {
      // Another first save of one of these values at the same moment: the unique key refuses ours.
      if (!isUniqueViolation(error)) throw error;
      throw conflict(`本表未保存：有数值刚被他人录入（${input.year}年），请刷新后重试`);
    }
  });

export const observationsRouter = router({
  list: authedProcedure
    .input(
      z.object({
        planId: PlanIdSchema,
        indicatorId: RecordIdSchema.optional(),
        year: ObservationYearSchema.optional(),
        state: ObservationStateSchema.optional(),
      }),
    )
    .output(z.array(ObservationOutSchema))
    .query(async ({ ctx, input }) => {
      await planFor(ctx, ctx.user, input.planId, 'read');
      return listObservations(ctx.db, input);
    }),

  /**
   * Creates or edits the draft value of an indicator for a year. `expectedVersion` is the
   * version the editor read (null for a value not entered yet); anything else is a CONFLICT.
   */
  saveDraft: authedProcedure
    .input(ObservationInputSchema.extend({ expectedVersion: ExpectedVersionSchema.nullable() }))
    .output(ObservationOutSchema)
    .mutation(async ({ ctx, input }) => {
      const plan = await planFor(ctx, ctx.user, input.planId, 'write');
      const indicator = await indicatorOfPlan(ctx.db, plan.id, input.indicatorId);
      if (!indicator) {
        throw badInput('indicatorId', input.indicatorId, `is not an indicator of plan ${plan.id}`);
      }
      if (!indicator.in_package) {
        throw badInput('indicatorId', input.indicatorId, `is no longer in plan ${plan.id}`);
      }
      assertInPeriod(plan, input.year);
      const raw = input.value.trim();
      const key = { plan_id: plan.id, indicator_id: indicator.id, year: input.year };
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          const existing = await observationAt(trx, key, { lock: true });
          if (existing) {
            if (existing.version !== input.expectedVersion) {
              staleVersion(existing, input.expectedVersion);
            }
            if (existing.state === 'submitted' || existing.state === 'approved') {
              throw wrongState(
                `${describe(existing)} is ${existing.state}: it can be edited only after it is returned`,
              );
            }
          } else if (input.expectedVersion !== null) {
            throw badInput(
              'expectedVersion',
              input.expectedVersion,
              `but ${describe(key)} has not been entered yet: send null`,
            );
          }
          return writeValue(
            trx,
            ctx,
            plan.region_code,
            key,
            { raw, source: input.source, note: input.note },
            existing,
          );
        });
      } catch (error) {
        // Two first saves of the same value at once: the loser hits the unique key.
        if (!isUniqueViolation(error)) throw error;
        const winner = await observationAt(ctx.db, key);
        if (!winner) throw error;
        staleVersion(winner, input.expectedVersion);
      }
    }),

  /**
   * A year of values from a spreadsheet, all or nothing: every value enters as submitted,
   * awaiting approval, and is audited; one value that cannot go in (an unknown indicator, an
   * approved or already submitted value) refuses the whole batch, naming each one.
   */
  importBatch: authedProcedure
    .input(
      z.object({
        planId: PlanIdSchema,
        year: ObservationYearSchema,
        values: z
          .array(
            z.object({
              indicatorId: RecordIdSchema,
              value: ObservedValueTextSchema,
              source: z.string().max(500).nullable().default(null),
              note: z.string().max(2000).nullable().default(null),
            }),
          )
          .min(1, 'a batch needs at least one value')
          .max(5000, 'a batch holds at most 5000 values'),
      }),
    )
    .output(ImportBatchResultSchema)
    .mutation(async ({ ctx, input }) => {
      const plan = await planFor(ctx, ctx.user, input.planId, 'write');
      assertInPeriod(plan, input.year);
      const indicators = await indicatorNames(ctx.db, plan.id);
      const problems: string[] = [];
      const seen = new Set<string>();
      input.values.forEach((v, i) => {
        if (indicators.get(v.indicatorId)?.in_package !== true) {
          problems.push(
            `values[${i}].indicatorId "${v.indicatorId}" is not an indicator of plan ${plan.id}`,
          );
        }
        if (seen.has(v.indicatorId))
          problems.push(`values[${i}].indicatorId "${v.indicatorId}" is given twice`);
        seen.add(v.indicatorId);
      });
      if (problems.length)
        throw badInput('values', `${problems.length} problem(s)`, problems.join('; '));
      return ctx.db.transaction().execute(async (trx) => {
        const existing = await lockObservationsOfYear(trx, plan.id, input.year, [...seen]);
        for (const [id, o] of existing) {
          if (o.state === 'submitted' || o.state === 'approved') {
            problems.push(
              `${describe(o)} is ${o.state}: it can be replaced only after it is returned`,
            );
          } else if (!seen.has(id)) {
            problems.push(`${describe(o)} was not asked for`);
          }
        }
        if (problems.length) throw wrongState(`nothing imported: ${problems.join('; ')}`);
        const ids: string[] = [];
        for (const v of input.values) {
          const key = { plan_id: plan.id, indicator_id: v.indicatorId, year: input.year };
          const values = { raw: v.value.trim(), source: v.source, note: v.note };
          const before = existing.get(v.indicatorId);
          ids.push(
            (await writeValue(trx, ctx, plan.region_code, key, values, before, 'import')).id,
          );
        }
        return { planId: plan.id, year: input.year, imported: ids.length, ids };
      });
    }),

  saveSheet,

  submit: authedProcedure
    .input(z.object({ id: RecordIdSchema, expectedVersion: ExpectedVersionSchema }))
    .output(ObservationOutSchema)
    .mutation(({ ctx, input }) => transition(ctx, TRANSITIONS.submit, input)),

  approve: authedProcedure
    .input(z.object({ id: RecordIdSchema, expectedVersion: ExpectedVersionSchema }))
    .output(ObservationOutSchema)
    .mutation(({ ctx, input }) => transition(ctx, TRANSITIONS.approve, input)),

  return: authedProcedure
    .input(
      z.object({
        id: RecordIdSchema,
        expectedVersion: ExpectedVersionSchema,
        reason: z.string().trim().min(1, 'a returned value needs a reason').max(1000),
      }),
    )
    .output(ObservationOutSchema)
    .mutation(({ ctx, input }) => transition(ctx, TRANSITIONS.return, input)),
});
