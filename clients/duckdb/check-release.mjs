// Loads a release with DuckDB, as a data scientist would, and checks it:
// the Parquet and JSONL files (one of each, or their shards; the JSONL
// plain or gzip-compressed, as the manifest lists them) hold the same rows;
// date is DATE, byline VARCHAR[], mentions a list of structs; the unnested
// mentions of both agree. Usage: node check-release.mjs RELEASE_DIR
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = process.argv[2];
const outputs = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).outputs.map((o) => o.path);
const list = (files) => `[${files.map((f) => `'${dir}/${f}'`).join(', ')}]`;
const parquetFiles = outputs.filter((f) => f.endsWith('.parquet'));
const plain = outputs.filter((f) => f.endsWith('.jsonl'));
const jsonlFiles = plain.length ? plain : outputs.filter((f) => f.endsWith('.jsonl.gz'));
console.log(`files: ${parquetFiles.length} Parquet, ${jsonlFiles.length} JSONL (${jsonlFiles[0]})`);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const one = async (sql) => Object.values((await con.runAndReadAll(sql)).getRowObjectsJson()[0])[0];

const mention = 'STRUCT(entity VARCHAR, "name" VARCHAR, kind VARCHAR, surface VARCHAR, "start" INTEGER, "end" INTEGER)';
const source = 'STRUCT(path VARCHAR, sha256 VARCHAR, "encoding" VARCHAR, line_start INTEGER, line_end INTEGER, media_type VARCHAR, record VARCHAR, "offset" BIGINT)';
await con.run(`CREATE VIEW p AS SELECT * FROM read_parquet(${list(parquetFiles)})`);
await con.run(`CREATE VIEW j AS SELECT * FROM read_json(${list(jsonlFiles)}, format = 'newline_delimited',
  maximum_object_size = 1073741824, columns = {
    id: 'VARCHAR', source: '${source}', layout: 'VARCHAR', url: 'VARCHAR', outlet: 'VARCHAR', outlet_country: 'VARCHAR',
    title: 'VARCHAR', section: 'VARCHAR', date: 'DATE', retrieved: 'DATE', date_precision: 'VARCHAR', date_text: 'VARCHAR',
    byline: 'VARCHAR[]', body: 'VARCHAR', language: 'VARCHAR', language_confidence: 'DOUBLE',
    mentions: '${mention}[]', word_count: 'INTEGER', duplicate_of: 'VARCHAR'})`);

const failures = [];
const expect = (what, got, want) => {
  const ok = String(got) === String(want);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${got}${ok ? '' : ` (want ${want})`}`);
  if (!ok) failures.push(what);
};

const types = Object.fromEntries((await con.runAndReadAll('DESCRIBE p')).getRowObjectsJson()
  .map((r) => [r.column_name, r.column_type]));
expect('date is', types.date, 'DATE');
expect('byline is', types.byline, 'VARCHAR[]');
expect('mentions is', types.mentions, `${mention}[]`);
expect('source is', types.source, source);

const rows = await one('SELECT count(*) FROM p');
expect('JSONL rows equal Parquet rows', await one('SELECT count(*) FROM j'), rows);
const columns = 'id, source, layout, url, outlet, outlet_country, title, section, date, retrieved, date_precision, date_text, byline, body, language, language_confidence, mentions, word_count, duplicate_of';
expect('Parquet rows not in the JSONL', await one(`SELECT count(*) FROM (SELECT ${columns} FROM p EXCEPT ALL SELECT ${columns} FROM j)`), 0);
expect('JSONL rows not in the Parquet', await one(`SELECT count(*) FROM (SELECT ${columns} FROM j EXCEPT ALL SELECT ${columns} FROM p)`), 0);
const mentions = await one('SELECT count(*) FROM (SELECT unnest(mentions) FROM p)');
expect('unnested mentions of the JSONL equal the Parquet', await one('SELECT count(*) FROM (SELECT unnest(mentions) FROM j)'), mentions);
expect('mentions match their surface', await one(`SELECT count(*) FROM (SELECT body, unnest(mentions) AS m FROM p) WHERE substr(body, m.start + 1, m."end" - m.start) <> m.surface`), 0);
console.log(`${rows} rows, ${mentions} mentions`);
if (failures.length) {
  console.error(`${dir}: ${failures.length} checks failed`);
  process.exit(1);
}
