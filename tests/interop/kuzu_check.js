#!/usr/bin/env node
// Loads a crimekg Kuzu export (schema.cypher and its CSV files) into an
// in-memory Kuzu database, the way a user would, and compares what Kuzu holds
// with the node-link graph it was exported from: node and edge counts, every
// node's and edge's properties, and "which bodies address which crimes" asked
// in Cypher.
//
//   node kuzu_check.js GRAPH.json KUZU_FOLDER
//
// Expected values follow kuzu_writer.h: Kuzu reads an empty CSV field as NULL
// (so an absent or empty optional string is null; the label is turned back
// into ''), U+001F inside a list element is U+241F, and U+0000 is U+2400.
"use strict";

const fs = require("fs");
const path = require("path");

let kuzu;
try {
  kuzu = require("kuzu");
} catch (error) {
  console.log("SKIP: the npm package kuzu is not installed in tests/interop (run scripts/setup.sh, " +
              "or npm install there): " + error.message);
  process.exit(77);
}

const [graphPath, folder] = process.argv.slice(2);
if (!graphPath || !folder) {
  console.error("usage: node kuzu_check.js GRAPH.json KUZU_FOLDER");
  process.exit(2);
}
const graph = JSON.parse(fs.readFileSync(graphPath, "utf8"));
const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
const links = graph.links || graph.edges || [];
const RESERVED = new Set(["id", "type", "label", "labels", "aliases", "mentions", "sameAs"]);

const problems = [];
let checks = 0;
function equal(got, want, context) {
  checks++;
  const a = JSON.stringify(got);
  const b = JSON.stringify(want);
  if (a !== b) problems.push(`${context}: got ${a}, want ${b}`);
}

// exporters/escaping.h: identifier(), and the CSV encodings.
function identifier(text) {
  let out = text.replace(/[^A-Za-z0-9_]/g, "_");
  if (out === "" || /^[0-9]/.test(out)) out = "_" + out;
  return out;
}
const csvText = (s) => s.replace(/\u0000/g, "\u2400");
const optional = (s) => (s === undefined || s === "" ? null : csvText(s));
const listElement = (s) => csvText(s).replace(/\u001f/g, "\u241f");

// The column names the writer gives a node's languages and properties.
function nodeColumns(node) {
  const taken = new Set(["id", "label", "aliases", "mentions", "sameAs"]);
  const take = (wanted) => {
    while (taken.has(wanted)) wanted = "property_" + wanted;
    taken.add(wanted);
    return wanted;
  };
  const sameType = [...nodes.values()].filter((n) => n.type === node.type);
  const languages = [...new Set(sameType.flatMap((n) => Object.keys(n.labels || {})))].sort();
  const properties = [...new Set(sameType.flatMap((n) =>
    Object.keys(n).filter((k) => !RESERVED.has(k) && typeof n[k] === "string")))].sort();
  const columns = {};
  for (const lang of languages) columns["labels." + lang] = take("label_" + identifier(lang));
  for (const key of properties) columns[key] = take(identifier(key));
  return columns;
}

function relationshipTable(predicate) {
  const nodeTables = new Set([...nodes.values()].map((n) => n.type.toLowerCase()));
  const taken = new Set(nodeTables);
  // Tables are named in predicate order, as the writer does.
  for (const p of [...new Set(links.map((l) => l.predicate))].sort()) {
    let name = identifier(p);
    while (taken.has(name.toLowerCase())) name += "_rel";
    taken.add(name.toLowerCase());
    if (p === predicate) return name;
  }
  return null;
}

async function rows(conn, query) {
  const result = await conn.query(query);
  return result.getAll();
}

async function main() {
  process.chdir(folder);  // COPY paths in schema.cypher are relative to the folder
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const statements = fs.readFileSync("schema.cypher", "utf8").split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("//"));
  for (const statement of statements) {
    try {
      await conn.query(statement);
    } catch (error) {
      console.log(`kuzu: statement failed: ${statement.slice(0, 200)}\n  ${error.message}`);
      process.exit(1);
    }
  }

  const [nodeCount] = await rows(conn, "MATCH (n) RETURN count(n) AS n");
  equal(Number(nodeCount.n), nodes.size, "node count");
  const [edgeCount] = await rows(conn, "MATCH ()-[r]->() RETURN count(r) AS n");
  equal(Number(edgeCount.n), links.length, "edge count");

  const stored = new Map((await rows(conn, "MATCH (n) RETURN n")).map((row) => [row.n.id, row.n]));
  for (const [id, node] of nodes) {
    const got = stored.get(csvText(id));
    if (!got) {
      problems.push(`node ${JSON.stringify(id)} missing`);
      continue;
    }
    equal(got._label, node.type, `${JSON.stringify(id)}: table`);
    equal(got.label, csvText(node.label), `${JSON.stringify(id)}: label`);
    equal(got.aliases, node.aliases.map(listElement), `${JSON.stringify(id)}: aliases`);
    equal(got.sameAs, node.sameAs.map(listElement), `${JSON.stringify(id)}: sameAs`);
    equal(Number(got.mentions), node.mentions, `${JSON.stringify(id)}: mentions`);
    const columns = nodeColumns(node);
    for (const [lang, text] of Object.entries(node.labels || {})) {
      equal(got[columns["labels." + lang]], optional(text), `${JSON.stringify(id)}: label ${lang}`);
    }
    for (const key of Object.keys(node).filter((k) => !RESERVED.has(k) && typeof node[k] === "string")) {
      equal(got[columns[key]], optional(node[key]), `${JSON.stringify(id)}: ${key}`);
    }
  }

  const edges = new Map();
  for (const row of await rows(conn, "MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, r")) {
    edges.set(JSON.stringify([row.a, row.r._label, row.b]), row.r);
  }
  for (const link of links) {
    const key = JSON.stringify([csvText(link.source), relationshipTable(link.predicate), csvText(link.target)]);
    const got = edges.get(key);
    if (!got) {
      problems.push(`edge ${key} missing`);
      continue;
    }
    const evidence = link.evidence || [];
    equal(Number(got.weight), link.weight, `${key}: weight`);
    equal(Number(got.evidence_count), evidence.length, `${key}: evidence_count`);
    equal(got.evidence_texts, evidence.map((e) => listElement(e.text)), `${key}: evidence_texts`);
    equal(got.evidence_documents, evidence.map((e) => listElement(e.document)), `${key}: evidence_documents`);
    equal(got.evidence_paragraphs, evidence.map((e) => listElement(e.paragraph)), `${key}: evidence_paragraphs`);
    equal(got.evidence_extractors, evidence.map((e) => listElement(e.extractor)), `${key}: evidence_extractors`);
    equal((got.evidence_starts || []).map(Number), evidence.map((e) => e.start), `${key}: evidence_starts`);
    equal((got.evidence_ends || []).map(Number), evidence.map((e) => e.end), `${key}: evidence_ends`);
    equal(got.evidence_confidences, evidence.map((e) => e.confidence), `${key}: evidence_confidences`);
  }

  // The question of the issue, in Cypher.
  const want = links
    .filter((l) => l.predicate === "addresses" && nodes.get(l.source).type === "Body" &&
                   nodes.get(l.target).type === "CrimeType")
    .map((l) => [csvText(l.source), csvText(l.target)])
    .sort();
  let got = [];
  if (want.length > 0) {
    got = (await rows(conn, "MATCH (b:Body)-[:addresses]->(c:CrimeType) RETURN b.id AS body, c.id AS crime"))
      .map((row) => [row.body, row.crime])
      .sort();
  } else {
    problems.push("the graph has no Body addresses CrimeType pair to compare");
  }
  equal(got, want, "Cypher: which bodies address which crimes");
  console.log(`kuzu: Cypher returned ${got.length} body-crime pairs, the graph has ${want.length}`);

  for (const problem of problems.slice(0, 50)) console.log("kuzu: " + problem);
  console.log(`kuzu: ${checks - problems.length} passed, ${problems.length} failed`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.log("kuzu: " + (error.stack || error));
  process.exit(1);
});
