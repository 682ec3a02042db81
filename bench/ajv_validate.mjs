// Node.js peer of `kembar validate` for the benchmark: JSON.parse + ajv on one file.
//
// Usage: node ajv_validate.mjs SCHEMA FILE
// Prints one JSON line:
//   {"bytes":..,"read_ms":..,"parse_ms":..,"compile_ms":..,"validate_ms":..,"valid":bool,"errors":n}
// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
// The Ajv class follows the schema's $schema (draft-07, 2019-09 or 2020-12);
// options {allErrors: true, strict: false} plus ajv-formats.
import { readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [schemaPath, filePath] = process.argv.slice(2);
if (!schemaPath || !filePath) {
  console.error("usage: node ajv_validate.mjs SCHEMA FILE");
  process.exit(2);
}

async function ajvClassFor(draft) {
  if (draft.includes("2020-12")) return (await import("ajv/dist/2020.js")).default;
  if (draft.includes("2019-09")) return (await import("ajv/dist/2019.js")).default;
  return (await import("ajv")).default;  // draft-07 (and draft-06 documents)
}

let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, "utf8"));
} catch (e) {
  console.error(`cannot read schema ${schemaPath}: ${e.message}`);
  process.exit(2);
}
const Ajv = await ajvClassFor(String(schema.$schema ?? ""));
const addFormats = (await import("ajv-formats")).default;

let t = performance.now();
let text;
let bytes;
try {
  bytes = statSync(filePath).size;
  text = readFileSync(filePath, "utf8");
} catch (e) {
  console.error(`cannot read ${filePath}: ${e.message}`);
  process.exit(2);
}
const readMs = performance.now() - t;

t = performance.now();
let doc;
try {
  doc = JSON.parse(text);
} catch (e) {
  console.error(`${filePath}: not JSON: ${e.message}`);
  process.exit(1);
}
const parseMs = performance.now() - t;
text = undefined;  // let the string go before validating

t = performance.now();
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const compileMs = performance.now() - t;

t = performance.now();
const valid = validate(doc);
const validateMs = performance.now() - t;
const errors = valid ? 0 : validate.errors.length;

const round = (ms) => Math.round(ms * 1000) / 1000;
console.log(JSON.stringify({
  bytes,
  read_ms: round(readMs),
  parse_ms: round(parseMs),
  compile_ms: round(compileMs),
  validate_ms: round(validateMs),
  valid,
  errors,
}));
if (!valid) {
  for (const err of validate.errors.slice(0, 5)) {
    console.error(`${err.instancePath || "/"}: ${err.message}`);
  }
}
process.exit(valid ? 0 : 1);
