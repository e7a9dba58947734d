/**
 * Build step (`npm run build`): the plan schema's validator as standalone code, so that a run
 * loads it (~25 ms) instead of compiling it (~300 ms, in every worker thread too). Writes
 * dist/engine/plan-validator.cjs with the very options schemas.ts compiles with.
 */
import { writeFileSync } from 'node:fs';
import standalone from 'ajv/dist/standalone/index.js';
import planSchemaJson from '../plan/plan.schema.json' with { type: 'json' };
import { AJV_OPTIONS, PLAN_VALIDATOR_FILE } from './schemas.js';
import { Ajv } from 'ajv';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
// A CommonJS module whose function is its `default` export.
const toCode = standalone.default;
writeFileSync(new URL(PLAN_VALIDATOR_FILE, import.meta.url), toCode(ajv, ajv.compile(planSchemaJson)));
