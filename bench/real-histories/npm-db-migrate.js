// Turns a db-migrate history (exports.up / exports.down) into golang-migrate files, by running it.
//
// Each migration runs, in order, against a scratch PostgreSQL database through a stand-in for
// db-migrate's driver that executes every statement and records it: so data-driven migrations
// (a query whose rows decide the next statements) record what they would send to a fresh install.
// Each down runs too, inside a transaction that is rolled back, so the state moves on by the ups.
// db-migrate's table helpers (createTable, addColumn, ...) are rendered to the DDL they produce for
// the options this history uses; the npm module 'async' that some migrations require is stood in
// for by its series().
//
//   NODE_PATH=<dir with pg> DATABASE_URL=postgres://… node npm-db-migrate.js <migrations dir> <out dir>
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { Client } = require('pg');

const [src, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });

const originalLoad = Module._load;
Module._load = function (request) {
  if (request === 'async') {
    return {
      series: (tasks, done) => {
        let i = 0;
        const next = (err) => {
          if (err || i >= tasks.length) return done && done(err);
          const task = tasks[i++];
          const r = task(next);
          if (r && typeof r.then === 'function') r.then(() => next(), next);
        };
        next();
      },
    };
  }
  return originalLoad.apply(this, arguments);
};

const quote = (id) => '"' + id + '"';
function type(spec) {
  switch (spec.type) {
    case 'string': return 'VARCHAR(' + (spec.length || 255) + ')';
    case 'int': case 'integer': return spec.autoIncrement ? 'SERIAL' : 'INTEGER';
    case 'bigint': return 'BIGINT';
    case 'serial': return 'SERIAL';
    case 'timestamp': case 'datetime': return 'TIMESTAMP';
    case 'json': return 'JSON';
    case 'jsonb': return 'JSONB';
    case 'text': return 'TEXT';
    case 'boolean': return 'BOOLEAN';
    default: return String(spec.type).toUpperCase();
  }
}
function column(name, spec) {
  let sql = quote(name) + ' ' + type(spec);
  if (spec.primaryKey) sql += ' PRIMARY KEY';
  if (spec.notNull) sql += ' NOT NULL';
  if (spec.unique) sql += ' UNIQUE';
  if (spec.defaultValue !== undefined) {
    const d = spec.defaultValue;
    sql += ' DEFAULT ' + (typeof d === 'string' && !/\(\)$/.test(d) ? "'" + d.replace(/'/g, "''") + "'" : String(d));
  }
  return sql;
}

/** Runs one migration function; resolves with the statements it sent, rejects on an error. */
function run(client, fn) {
  const sql = [];
  let chain = Promise.resolve();
  const exec = (text, params, cb) => {
    const p = chain.then(async () => {
      let statement = String(text);
      if (params && params.length) {
        // db-migrate's placeholders are ? in order (its pg driver numbers them); $n works too.
        let next = 0;
        statement = statement.replace(/\$(\d+)/g, (_, n) => client.escapeLiteral(String(params[Number(n) - 1])))
          .replace(/\?/g, () => client.escapeLiteral(String(params[next++])));
      }
      let result;
      try {
        result = await client.query(statement);
      } catch (e) {
        if (!run.firstError) run.firstError = e.message + ' -- ' + statement.trim().split('\n')[0].slice(0, 120);
        throw e;
      }
      if (statement.trim()) sql.push(statement.trim());
      return result;
    });
    chain = p.catch(() => {});
    p.then((result) => cb && cb(null, Array.isArray(result) ? result[result.length - 1] : result),
      (err) => cb && cb(err));
    return p;
  };
  const db = {
    runSql: (text, ...rest) => exec(text, rest.find(Array.isArray), rest.find((r) => typeof r === 'function')),
    all: (text, ...rest) => {
      const cb = rest.find((r) => typeof r === 'function');
      return exec(text, rest.find(Array.isArray), (err, result) => cb && cb(err, result ? result.rows : []))
        .then((r) => (Array.isArray(r) ? r[r.length - 1] : r).rows);
    },
    createTable: (name, columns, ...rest) => exec('CREATE TABLE ' + quote(name) + ' (\n  '
        + Object.entries(columns).map(([c, spec]) => column(c, spec)).join(',\n  ') + '\n)', null, rest.find((r) => typeof r === 'function')),
    dropTable: (name, ...rest) => exec('DROP TABLE ' + quote(name), null, rest.find((r) => typeof r === 'function')),
    addColumn: (table, name, spec, ...rest) => exec('ALTER TABLE ' + quote(table) + ' ADD COLUMN ' + column(name, spec), null,
        rest.find((r) => typeof r === 'function')),
    removeColumn: (table, name, ...rest) => exec('ALTER TABLE ' + quote(table) + ' DROP COLUMN ' + quote(name), null,
        rest.find((r) => typeof r === 'function')),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('did not finish within 60 s')), 60000);
    const finish = (err) => {
      clearTimeout(timer);
      chain.then(() => (err ? reject(err) : resolve(sql)));
    };
    try {
      const r = fn(db, finish);
      if (r && typeof r.then === 'function') r.then(() => finish(), finish);
    } catch (e) {
      finish(e);
    }
  });
}

(async () => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const files = fs.readdirSync(src).filter((f) => f.endsWith('.js')).sort();
  // db-migrate's own bookkeeping table, which some migrations of a history edit: the first migration.
  const bookkeeping = 'CREATE TABLE migrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL);\n';
  await client.query(bookkeeping);
  fs.writeFileSync(path.join(out, '0000_db-migrate-bookkeeping.up.sql'), bookkeeping);
  fs.writeFileSync(path.join(out, '0000_db-migrate-bookkeeping.down.sql'), 'DROP TABLE migrations;\n');
  const terminate = (parts) => parts.map((s) => (s.endsWith(';') ? s : s + ';')).join('\n\n') + '\n';
  let downs = 0;
  for (const [i, f] of files.entries()) {
    const m = require(path.resolve(src, f));
    // db-migrate runs files in name order, and two may share a timestamp: number them in that order.
    const base = String(i + 1).padStart(4, '0') + '_' + f.replace(/\.js$/, '').replace(/[^A-Za-z0-9_-]/g, '_');
    await client.query('BEGIN');
    run.firstError = null;
    let up;
    try {
      up = m.up ? await run(client, m.up) : [];
    } catch (e) {
      throw new Error(`${f}: does not run on a fresh install: ${run.firstError || e.message}`);
    }
    if (run.firstError) {
      throw new Error(`${f}: a statement failed and the migration went on: ${run.firstError}`);
    }
    await client.query("INSERT INTO migrations (name, run_on) VALUES ($1, now())", ['/' + f.replace(/\.js$/, '')]);
    await client.query('COMMIT');
    let down = [];
    if (m.down) {
      await client.query('BEGIN');
      try {
        down = await run(client, m.down);
      } catch (e) {
        console.error(`${f}: its down fails on a fresh install: ${e.message}`);
        down = [];
      }
      await client.query('ROLLBACK');
    }
    fs.writeFileSync(path.join(out, base + '.up.sql'), up.length ? terminate(up) : '-- nothing to run on a fresh install\n');
    if (down.length) {
      fs.writeFileSync(path.join(out, base + '.down.sql'), terminate(down));
      downs++;
    }
  }
  await client.end();
  console.log(`${files.length} migrations written to ${out}, ${downs} with a down`);
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
