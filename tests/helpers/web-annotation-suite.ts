import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * Runs the W3C Web Annotation Data Model test suite (the JSON-schema "JSONtest" files that
 * web-platform-tests' `annotation-model/` is made of, vendored under tests/vendor/) against a
 * document, in Node. It follows the suite's runner (wpt `annotation-model/scripts/JSONtest.js`):
 * each assertion is a draft-04 JSON schema; the input must validate when `expectedResult` is
 * `valid` (the default) and must not when it is `invalid`. `onUnexpectedResult` says whether an
 * unexpected result is a failure (`failAnd…`: the MUSTs) or only "this optional feature is not
 * implemented" (`passAnd…`: SHOULDs and MAYs). No assertion list in the suite nests or skips, so
 * the runner refuses a test that does (rather than silently running it differently).
 */

export const SUITE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'vendor', 'web-annotation-tests');

export interface AssertionResult {
  file: string;
  title: string;
  assertionType: 'must' | 'should' | 'may';
  /** The input did what the assertion expects. */
  met: boolean;
  /** An unexpected result is a failure (MUST), not just a missing optional feature. */
  failsTest: boolean;
  errors: string;
}

export interface TestResult {
  test: string;
  name: string;
  results: AssertionResult[];
  /** MUST-level (failAnd…) assertions the input did not meet. */
  failures: AssertionResult[];
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function createAjv(): Ajv {
  // Like the suite's runner: the schemas carry extra keywords (assertionType, errorMessage…).
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  for (const file of readdirSync(join(SUITE_DIR, 'definitions'))) {
    if (file.endsWith('.json')) ajv.addSchema(readJson(join(SUITE_DIR, 'definitions', file)));
  }
  return ajv;
}

let shared: Ajv | null = null;
const compiled = new Map<string, ReturnType<Ajv['compile']>>();

function validatorFor(file: string): { schema: Record<string, unknown>; validate: ReturnType<Ajv['compile']> } {
  const schema = readJson(join(SUITE_DIR, file));
  let validate = compiled.get(file);
  if (!validate) {
    shared ??= createAjv();
    validate = shared.compile(schema);
    compiled.set(file, validate);
  }
  return { schema, validate };
}

/** Runs one `.test` file (path relative to the suite root) against `input`. */
export function runSuiteTest(testFile: string, input: unknown): TestResult {
  const test = readJson(join(SUITE_DIR, testFile));
  const assertions = test.assertions;
  if (!Array.isArray(assertions)) throw new Error(`${testFile}: no assertion list`);
  const results: AssertionResult[] = [];
  for (const a of assertions) {
    if (typeof a !== 'string') throw new Error(`${testFile}: nested or inline assertions are not supported by this runner`);
    const { schema, validate } = validatorFor(a);
    const valid = validate(input) as boolean;
    const expected = schema.expectedResult === 'invalid' ? 'invalid' : 'valid';
    const met = expected === 'valid' ? valid : !valid;
    const onUnexpected = typeof schema.onUnexpectedResult === 'string' ? schema.onUnexpectedResult : 'failAndContinue';
    const type = schema.assertionType === 'should' || schema.assertionType === 'may' ? schema.assertionType : 'must';
    results.push({
      file: a,
      title: String(schema.title ?? a),
      assertionType: type,
      met,
      failsTest: !met && onUnexpected.startsWith('fail'),
      errors: met ? '' : `${String(schema.errorMessage ?? '')} ${JSON.stringify(validate.errors ?? [])}`.trim(),
    });
  }
  return { test: testFile, name: String(test.name), results, failures: results.filter((r) => r.failsTest) };
}

/** The MUST-level test files of the suite: annotations (bodies, targets, selectors), collections, pages. */
export const MUST_TESTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;

export const OPTIONAL_TESTS = {
  annotation: 'annotations/annotationOptionals.test',
  annotationAgents: 'annotations/annotationsAgentOptionals.test',
  collection: 'collections/collectionOptionals.test',
  page: 'collections/pages/pageOptionals.test',
} as const;
