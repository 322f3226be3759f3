/**
 * MySQL replication as the replicated-StatefulSet tutorial sets it up: the source logs each statement
 * that changes data (its binlog), CHANGE MASTER TO names the source of a replica, and START SLAVE
 * has the replica apply the source's log. The replica applies what the source logged before it runs
 * each statement of its own, so it never lags. Data files are not modelled, so a clone carries no
 * rows: the replica applies the source's log from its first event, which gives the rows the clone and
 * the events after its position would.
 */
import type { Session } from '../../../kernel/net.js';
import type { Login } from './sql.js';

/** One statement that changed data, with the database it ran in. */
export interface BinlogEntry {
  db: string;
  sql: string;
}

/** Where a binlog stands: a file and a byte position in it (SHOW MASTER STATUS). */
export interface BinlogPosition {
  file: string;
  position: number;
}

/** A 5.7 binlog starts at 154: the format description and the previous-GTIDs events come first. */
const FIRST_EVENT = 154;
/** A query event's fixed part (common header, post-header, status variables), roughly. */
const QUERY_EVENT_OVERHEAD = 70;

/** The position after `entries`, in the binlog file `file`. */
export function binlogPosition(file: string, entries: readonly BinlogEntry[]): BinlogPosition {
  return { file, position: entries.reduce((at, e) => at + QUERY_EVENT_OVERHEAD + e.db.length + e.sql.length, FIRST_EVENT) };
}

export type Connect = (host: string, port: number) => Session | undefined;

export class ReplicaLink {
  private readonly options: Record<string, string | number> = {};
  running = false;
  /** Entries of the source's binlog this replica has applied. */
  private applied = 0;

  constructor(private readonly connect: Connect | undefined) {}

  /** CHANGE MASTER TO; an error text while replication runs (MySQL 5.7's ER_SLAVE_CHANNEL_MUST_STOP). */
  change(options: Record<string, string | number>): string | undefined {
    if (this.running) return "ERROR 3021 (HY000): This operation cannot be performed with a running slave io thread; run STOP SLAVE IO_THREAD FOR CHANNEL '' first.";
    Object.assign(this.options, options);
    return undefined;
  }

  /** START SLAVE; an error text when no source was named (ER_BAD_SLAVE). */
  start(): string | undefined {
    if (this.options.MASTER_HOST === undefined) return 'ERROR 1200 (HY000): The server is not configured as slave; fix in config file or with CHANGE MASTER TO';
    this.running = true;
    return undefined;
  }

  /** The source's file and position this replica has read up to (xtrabackup --slave-info). */
  get source(): BinlogPosition | undefined {
    return this.running ? { file: String(this.options.MASTER_LOG_FILE ?? ''), position: Number(this.options.MASTER_LOG_POS ?? FIRST_EVENT) } : undefined;
  }

  /** Applies what the source logged since the last pull; a source that cannot be reached is tried again next time. */
  pull(apply: (e: BinlogEntry) => void): void {
    if (!this.running || !this.connect) return;
    const session = this.connect(String(this.options.MASTER_HOST), Number(this.options.MASTER_PORT ?? 3306));
    if (session?.protocol !== 'mysql') return;
    const login = session.request({ login: { user: String(this.options.MASTER_USER ?? ''), password: String(this.options.MASTER_PASSWORD ?? '') } }) as Login;
    if (!login.ok) return;
    const { entries } = session.request({ binlog: this.applied }) as { entries: BinlogEntry[] };
    for (const e of entries) apply(e);
    this.applied += entries.length;
  }
}
