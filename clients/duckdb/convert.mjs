// The reference point for the builder's Parquet writer: DuckDB converting a
// release's JSONL (one file or several, gzipped or not) to zstd Parquet. Usage: node convert.mjs RELEASE_DIR OUT.parquet
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, out] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const start = performance.now();
await con.run(`COPY (SELECT * FROM read_json('${dir}/corpus*.jsonl*', format = 'newline_delimited', maximum_object_size = 1073741824))
  TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
const seconds = (performance.now() - start) / 1000;
console.log(`duckdb: JSONL to Parquet in ${seconds.toFixed(2)}s`);
