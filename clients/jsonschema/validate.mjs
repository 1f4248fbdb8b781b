// Validates cases against a release's corpus.schema.json with ajv (draft
// 2020-12, strict, formats asserted), as a JavaScript user would. Each line
// of CASES is {"name": ..., "valid": true|false, "record": {...}}; a case
// whose outcome differs from "valid" fails. With --no-formats, formats are
// annotations only, as many validators treat them.
// Usage: node validate.mjs [--no-formats] SCHEMA CASES
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const args = process.argv.slice(2);
const formats = args[0] !== '--no-formats';
const [schemaPath, casesPath] = formats ? args : args.slice(1);
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: formats });
if (formats) addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

let failed = 0;
const lines = readFileSync(casesPath, 'utf8').split('\n').filter((l) => l !== '');
for (const line of lines) {
  const c = JSON.parse(line);
  const ok = validate(c.record);
  if (ok !== c.valid) {
    failed++;
    console.log(`FAIL ${c.name}: ${ok ? 'accepted' : 'rejected: ' + ajv.errorsText(validate.errors)}`);
  }
}
console.log(`${lines.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
