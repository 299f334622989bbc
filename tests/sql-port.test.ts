// The Sql port on SQLite: better-sqlite3 has one connection, so a transaction that awaits must keep every
// other caller's statements out of it until it ends.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/recaps/database.js';
import { sqliteSql } from '../src/storage/sql.js';

describe('a SQLite transaction', () => {
  it("keeps another caller's write out of it, so a rollback does not take that write with it", async () => {
    const db = openDatabase(':memory:');
    const [one, other] = [sqliteSql(db), sqliteSql(db)];
    let started!: () => void;
    let finish!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const failing = one.transaction(async (sql) => {
      await sql.run(`INSERT INTO answered_interactions (id, answered_at) VALUES ('rolled-back', 'now')`);
      started();
      // Held open until another caller's write has been asked for.
      await new Promise<void>((resolve) => (finish = resolve));
      throw new Error('fails after the other write was asked for');
    });
    await inside;
    const written = other.run(`INSERT INTO answered_interactions (id, answered_at) VALUES ('kept', 'now')`);
    finish();
    await expect(failing).rejects.toThrow('fails after');
    expect(await written).toBe(1);
    expect(await other.all('SELECT id FROM answered_interactions')).toEqual([{ id: 'kept' }]);
    db.close();
  });

  it('binds booleans as 1 and 0', async () => {
    const db = openDatabase(':memory:');
    expect(await sqliteSql(db).get('SELECT ? AS yes, ? AS no', [true, false])).toEqual({ yes: 1, no: 0 });
    db.close();
  });
});
