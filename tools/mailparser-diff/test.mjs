// node --test: dump.mjs on the hand-written samples must give samples/expected.jsonl exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

test('samples dump as expected', () => {
    const out = execFileSync(process.execPath, [path.join(here, 'dump.mjs'), path.join(here, 'samples')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const expected = readFileSync(path.join(here, 'samples', 'expected.jsonl'), 'utf8');
    assert.deepEqual(out.trim().split('\n').map(JSON.parse), expected.trim().split('\n').map(JSON.parse));
});

test('a bad manifest line and a missing file become error records', () => {
    const input = '{"id":"x","path":"does-not-exist.eml"}\nnot json\n';
    const out = execFileSync(process.execPath, [path.join(here, 'dump.mjs')], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    const records = out.trim().split('\n').map(JSON.parse);
    assert.equal(records.length, 2);
    assert.equal(records[0].id, 'x');
    assert.match(records[0].error, /ENOENT/);
    assert.match(records[1].error, /^manifest:/);
});
