#!/usr/bin/env node
// Reference side of ListArchive's differential check against Node's mailparser.
//
//   node dump.mjs DIR                 every *.eml in DIR ("<n>.eml" in numeric order)
//   node dump.mjs --manifest FILE     JSONL lines {"id": …, "path": …}
//   node dump.mjs < manifest.jsonl    the same manifest on standard input
//
// Writes one JSON line per message to standard output, in input order:
//   {"id","subject","fromAddress","fromName","date","messageId","inReplyTo","references","text"}
// or {"id","error"} when the message could not be read or parsed. Never prints anything else on
// stdout; a summary goes to stderr. See README.md.
import { readFile, readdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

const PARSER_OPTIONS = {
    skipImageLinks: true, // don't turn cid: images into data: URIs (costly, unused here)
    skipTextToHtml: true, // textAsHtml is not compared
    skipTextLinks: true,
    skipHtmlToText: false, // an HTML-only message still gets mailparser's text
};

/** "<a@b>" → "a@b"; blanks → null. */
function stripBrackets(id) {
    if (typeof id !== 'string') return null;
    let v = id.trim();
    if (v.startsWith('<')) v = v.slice(1);
    if (v.endsWith('>')) v = v.slice(0, -1);
    v = v.trim();
    return v.length ? v : null;
}

/**
 * Message ids from whatever mailparser returned: references is an array of "<id>" strings, or one
 * string when there was a single id, or arrays of those when the header was repeated; in-reply-to
 * is one string that may hold several ids or trailing junk ("<id> (Joe's message of …)").
 * Bracketed ids are taken when there are any, else whitespace-separated words.
 */
function idList(value) {
    const flat = [];
    const walk = v => {
        if (v == null) return;
        if (Array.isArray(v)) v.forEach(walk);
        else flat.push(String(v));
    };
    walk(value);
    const ids = [];
    for (const item of flat) {
        const bracketed = item.match(/<[^<>]*>/g);
        const words = bracketed && bracketed.length ? bracketed : item.split(/\s+/);
        for (const w of words) {
            const id = stripBrackets(w);
            if (id && !ids.includes(id)) ids.push(id);
        }
    }
    return ids;
}

/** The first mailbox of an address object, looking inside groups. */
function firstMailbox(addressObject) {
    const objects = Array.isArray(addressObject) ? addressObject : addressObject ? [addressObject] : [];
    for (const obj of objects) {
        for (const entry of obj.value || []) {
            if (entry.address) return entry;
            for (const member of entry.group || []) {
                if (member.address) return member;
            }
        }
    }
    return null;
}

/**
 * mailparser replaces a Date header it cannot parse with the current time; that would make every
 * bad date differ. Re-read the raw header: missing or unparsable → null.
 */
function dateField(parsed) {
    const line = (parsed.headerLines || []).find(h => h.key === 'date');
    if (!line) return { date: null };
    const raw = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const checked = new Date(raw);
    if (Number.isNaN(checked.getTime())) return { date: null, dateInvalid: true };
    const d = parsed.date instanceof Date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : checked;
    return { date: d.toISOString() };
}

async function dumpOne(id, file) {
    try {
        const source = await readFile(file);
        const parsed = await simpleParser(source, PARSER_OPTIONS);
        const from = firstMailbox(parsed.from);
        return {
            id,
            subject: typeof parsed.subject === 'string' ? parsed.subject : null,
            fromAddress: from ? from.address : null,
            fromName: from && from.name ? from.name : null,
            ...dateField(parsed),
            messageId: stripBrackets(parsed.messageId),
            inReplyTo: idList(parsed.inReplyTo),
            references: idList(parsed.references),
            text: typeof parsed.text === 'string' ? parsed.text : null,
        };
    } catch (err) {
        return { id, error: `${err && err.name ? err.name : 'Error'}: ${err && err.message ? err.message : String(err)}` };
    }
}

async function* fromDirectory(dir) {
    const names = (await readdir(dir)).filter(n => n.toLowerCase().endsWith('.eml'));
    names.sort((a, b) => {
        const na = Number(a.slice(0, -4));
        const nb = Number(b.slice(0, -4));
        if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
        return a < b ? -1 : a > b ? 1 : 0;
    });
    for (const name of names) yield { id: name.slice(0, -4), path: path.join(dir, name) };
}

async function* fromManifest(stream) {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
        n++;
        if (!line.trim()) continue;
        try {
            const entry = JSON.parse(line);
            yield { id: entry.id ?? n, path: entry.path };
        } catch (err) {
            yield { id: `manifest-line-${n}`, path: null, error: `manifest: ${err.message}` };
        }
    }
}

function write(line) {
    return new Promise(resolve => {
        if (process.stdout.write(line + '\n')) resolve();
        else process.stdout.once('drain', resolve);
    });
}

async function main(argv) {
    let entries;
    if (argv[0] === '--manifest' && argv[1]) entries = fromManifest(createReadStream(argv[1]));
    else if (argv.length === 0 || argv[0] === '-') entries = fromManifest(process.stdin);
    else if (argv.length === 1 && !argv[0].startsWith('--')) entries = fromDirectory(argv[0]);
    else {
        process.stderr.write('usage: node dump.mjs DIR | --manifest FILE | < manifest.jsonl\n');
        return 2;
    }
    let ok = 0;
    let failed = 0;
    for await (const entry of entries) {
        const record = entry.error || !entry.path
            ? { id: entry.id, error: entry.error || 'manifest: no path' }
            : await dumpOne(entry.id, entry.path);
        if (record.error) failed++;
        else ok++;
        await write(JSON.stringify(record));
    }
    process.stderr.write(`mailparser-diff: ${ok} parsed, ${failed} errors\n`);
    return 0;
}

process.on('unhandledRejection', err => {
    process.stderr.write(`mailparser-diff: unhandled rejection: ${err && err.message}\n`);
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    err => { process.stderr.write(`mailparser-diff: ${err && err.stack}\n`); process.exitCode = 1; },
);
