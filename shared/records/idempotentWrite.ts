import { type ItemKey, type RecordsTable, recordOf } from './recordsTable.js';

/**
 * The command a write carries out: its idempotency key and, when the item is a projection of a history event, that
 * event's seq. A history event fits as it is (`putObjection(record, event)`).
 */
export interface WriteCommand {
  idempotencyKey: string;
  seq?: number;
}

/**
 * What a write by another command may do to an item that is already there:
 * - `never`: the item is written once (a bundle, an event, a claim, a panel's seed, a finalisation);
 * - `laterSeq`: a projection is replaced by the projection of a later event, never by an earlier one;
 * - `always`: the latest command's item stands (a task's token, a report's or document's content).
 */
export type Supersede = 'never' | 'laterSeq' | 'always';

/**
 * written: this command's item is stored now. replayed: this command had stored it before — nothing was written.
 * refused: another command's item stands (written once, or a later projection) — nothing was written.
 * `stored` is the record in the table after the write.
 */
export interface WriteOutcome<T> {
  status: 'written' | 'replayed' | 'refused';
  stored: T;
}

/**
 * The one write every repository makes, whatever the aggregate: a conditional put of the item with the key of the
 * command that writes it (`commandKey`, and `commandSeq` for projections). A replay of the same command is a no-op;
 * a write by another command happens only as `supersede` allows. No transaction is needed (dynalite has none): the
 * condition is on the item itself, and the outcome is read back when the condition did not hold.
 */
export async function writeIdempotent<T extends object>(
  table: RecordsTable,
  key: ItemKey,
  record: T,
  command: WriteCommand,
  supersede: Supersede = 'never',
): Promise<WriteOutcome<T>> {
  const item = {
    ...key,
    ...record,
    commandKey: command.idempotencyKey,
    ...(command.seq === undefined ? {} : { commandSeq: command.seq }),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await table.put(item, conditionOf(command, supersede))) return { status: 'written', stored: record };
    const stored = await table.getItem({ pk: key.pk, sk: key.sk });
    // Gone between the put and the read (a task completed, a claim released): try the put again.
    if (!stored) continue;
    const status = stored.commandKey === command.idempotencyKey ? 'replayed' : 'refused';
    return { status, stored: recordOf<T>(stored) as T };
  }
  throw new Error(`records: ${key.pk} ${key.sk} kept changing under a write`);
}

function conditionOf(command: WriteCommand, supersede: Supersede) {
  const absent = 'attribute_not_exists(pk)';
  if (supersede === 'never') return { expression: absent };
  if (supersede === 'laterSeq') {
    if (command.seq === undefined) throw new TypeError('a projection is written with the seq of its event');
    return {
      expression: `${absent} OR attribute_not_exists(commandSeq) OR commandSeq < :seq`,
      values: { ':seq': command.seq },
    };
  }
  return {
    expression: `${absent} OR attribute_not_exists(commandKey) OR commandKey <> :key`,
    values: { ':key': command.idempotencyKey },
  };
}
