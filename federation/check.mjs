// The two halves of the composition check that need JSON; check.sh runs them around starting the subgraphs and gateway.
//
//   node check.mjs prepare <deskgraph url> <work dir>
//       Asks DeskGraph (directly) for real desktop ids and their usage over the last 7 full UTC days, and writes
//       <work dir>/employees.json (read by people-subgraph.mjs) and <work dir>/expected.json.
//   node check.mjs verify <gateway url> <work dir>
//       Queries THROUGH THE GATEWAY across both subgraphs and asserts the answers against expected.json and the
//       composed supergraph (<work dir>/supergraph.graphql). Prints PASS/FAIL lines; exits 1 on any failure.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';

const REQUEST_TIMEOUT_MS = 60_000;
const DEMO_ACCOUNTS = { HUAWEI: 'huawei-demo', ALIBABA: 'alibaba-demo' };
// An account DeskGraph is not configured with; a desktop id naming it must come back as an error for that entity only.
const UNCONFIGURED_ACCOUNT = 'huawei-offboarded';

const [, , command, url, workDir] = process.argv;
if (!['prepare', 'verify'].includes(command) || !url || !workDir) {
  console.error('usage: node check.mjs prepare|verify <url> <work dir>');
  process.exit(2);
}

async function graphql(endpoint, query, variables = {}) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${endpoint} answered HTTP ${response.status} with non-JSON: ${text.slice(0, 500)}`);
  }
  return body;
}

function utcDay(offsetDays) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

const RANKING = `
  query Ranking($range: DateRange!) {
    huawei: usageRanking(range: $range, vendors: [HUAWEI], first: 3) { ...rows }
    alibaba: usageRanking(range: $range, vendors: [ALIBABA], first: 3) { ...rows }
  }
  fragment rows on UsageRankingConnection {
    edges { node { duration { seconds } desktop { id name vendor accountId nativeId } } }
    sources { accountId state }
  }`;

async function prepare() {
  const range = { from: utcDay(-7), to: utcDay(-1) };

  const accounts = await graphql(url, '{ accounts { id vendor } }');
  const ids = (accounts.data?.accounts ?? []).map((a) => `${a.id}:${a.vendor}`).sort();
  const demo = ['alibaba-demo:ALIBABA', 'huawei-demo:HUAWEI'];
  if (JSON.stringify(ids) !== JSON.stringify(demo)) {
    throw new Error(`DeskGraph is not in demo mode: accounts ${JSON.stringify(accounts)}; expected ${demo.join(', ')}`);
  }

  const ranking = await graphql(url, RANKING, { range });
  if (ranking.errors?.length || !ranking.data) {
    throw new Error(`usageRanking on DeskGraph failed: ${JSON.stringify(ranking.errors ?? ranking)}`);
  }
  const top = {};
  for (const vendor of ['HUAWEI', 'ALIBABA']) {
    const connection = ranking.data[vendor.toLowerCase()];
    const rows = connection.edges.map((e) => e.node);
    if (rows.length < 3) {
      throw new Error(`need 3 ${vendor} desktops with usage in ${range.from}..${range.to}, got ${JSON.stringify(connection)}`);
    }
    top[vendor] = rows.map((r) => ({ ...r.desktop, seconds: r.duration.seconds }));
  }

  // Two desktops per vendor get an employee; the third of each stays unassigned (Desktop.assignedTo must be null).
  const [hw, ali] = [top.HUAWEI, top.ALIBABA];
  const employees = [
    { id: 'emp-1', name: 'Ada Lovelace', team: 'Platform', desktopId: hw[0].id },
    { id: 'emp-2', name: 'Grace Hopper', team: 'Support', desktopId: ali[0].id },
    { id: 'emp-3', name: 'Alan Turing', team: 'Operations', desktopId: hw[1].id },
    { id: 'emp-4', name: 'Katherine Johnson', team: 'Sales', desktopId: ali[1].id },
    // Same native id, but an account DeskGraph does not have: an error for this entity, data for the others.
    { id: 'emp-5', name: 'Edsger Dijkstra', team: 'Finance', desktopId: `huawei:${UNCONFIGURED_ACCOUNT}:${hw[0].nativeId}` },
    // No desktop at all: null, and no error.
    { id: 'emp-6', name: 'Barbara Liskov', team: 'Research', desktopId: null },
  ];
  const desktops = Object.fromEntries([...hw.slice(0, 2), ...ali.slice(0, 2)].map((d) => [d.id, d]));
  const unassigned = [hw[2], ali[2]];

  writeFileSync(join(workDir, 'employees.json'), JSON.stringify(employees, null, 2));
  writeFileSync(join(workDir, 'expected.json'), JSON.stringify({ range, employees, desktops, unassigned, top }, null, 2));
  console.log(`range ${range.from}..${range.to}; desktops from DeskGraph:`);
  for (const d of Object.values(desktops)) {
    console.log(`  ${d.id} (${d.name}, ${d.seconds} s)`);
  }
}

const EMPLOYEES = `
  query EmployeesAndTheirDesktops($range: DateRange!) {
    employees {
      id name team
      desktop {
        id vendor accountId nativeId name
        usage(range: $range) { total { seconds hours } points { date duration { seconds } } }
      }
    }
  }`;

const REVERSE = `
  query RankedDesktopsAndWhoHasThem($range: DateRange!) {
    huawei: usageRanking(range: $range, vendors: [HUAWEI], first: 3) { ...rows }
    alibaba: usageRanking(range: $range, vendors: [ALIBABA], first: 3) { ...rows }
  }
  fragment rows on UsageRankingConnection {
    edges { node { duration { seconds } desktop { id name vendor assignedTo { id name team } } } }
  }`;

async function verify() {
  const expected = JSON.parse(readFileSync(join(workDir, 'expected.json'), 'utf8'));
  const { range, employees, desktops, unassigned, top } = expected;
  const results = [];
  const notes = [];
  const check = (name, fn) => {
    try {
      const detail = fn();
      results.push({ ok: true, name, detail });
    } catch (e) {
      results.push({ ok: false, name, detail: e.message });
    }
  };
  const assert = (condition, message) => {
    if (!condition) throw new Error(message);
  };

  // 0. The supergraph the gateway composed: Desktop is an entity of both subgraphs, keyed by id.
  check('gateway composed DeskGraph and people: Desktop keyed by id in both', () => {
    const supergraph = parse(readFileSync(join(workDir, 'supergraph.graphql'), 'utf8'));
    const type = (name) => supergraph.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
    const args = (directive) => Object.fromEntries(directive.arguments.map((a) => [a.name.value, print(a.value)]));
    const joins = (node, directive) => node.directives.filter((d) => d.name.value === directive).map(args);
    const desktop = type('Desktop');
    assert(desktop, 'no Desktop type in the supergraph');
    const keys = joins(desktop, 'join__type').map((j) => `${j.graph} key ${j.key}`);
    for (const graph of ['DESKGRAPH', 'PEOPLE']) {
      assert(keys.includes(`${graph} key "id"`), `Desktop not keyed by id in ${graph}: ${keys}`);
    }
    const owner = (typeName, fieldName) => {
      const field = type(typeName)?.fields.find((f) => f.name.value === fieldName);
      assert(field, `no ${typeName}.${fieldName} in the supergraph`);
      return joins(field, 'join__field').map((j) => j.graph).join(',');
    };
    assert(owner('Query', 'employees') === 'PEOPLE', `Query.employees from ${owner('Query', 'employees')}`);
    assert(owner('Query', 'usageRanking') === 'DESKGRAPH', `Query.usageRanking from ${owner('Query', 'usageRanking')}`);
    assert(owner('Desktop', 'usage') === 'DESKGRAPH', `Desktop.usage from ${owner('Desktop', 'usage')}`);
    assert(owner('Desktop', 'assignedTo') === 'PEOPLE', `Desktop.assignedTo from ${owner('Desktop', 'assignedTo')}`);
    return keys.join('; ');
  });

  // 1. people -> DeskGraph: every employee's desktop resolved by DeskGraph's _entities, one bad id isolated.
  const forward = await graphql(url, EMPLOYEES, { range });
  const list = forward.data?.employees;
  const errors = forward.errors ?? [];
  check('employees come back from people', () => {
    assert(Array.isArray(list), `no data.employees: ${JSON.stringify(forward).slice(0, 1000)}`);
    assert(list.length === employees.length, `${list.length} employees, expected ${employees.length}`);
    return `${list.length} employees`;
  });
  const byId = Object.fromEntries((list ?? []).map((e, index) => [e.id, { ...e, index }]));

  const vendorsSeen = new Set();
  for (const employee of employees.filter((e) => desktops[e.desktopId])) {
    const want = desktops[employee.desktopId];
    check(`${employee.name}'s ${want.vendor} desktop resolved by DeskGraph through the gateway`, () => {
      const got = byId[employee.id]?.desktop;
      assert(got, `desktop is ${JSON.stringify(got)}`);
      assert(got.id === want.id, `id ${got.id}, expected ${want.id}`);
      assert(got.vendor === want.vendor, `vendor ${got.vendor}, expected ${want.vendor}`);
      assert(got.accountId === DEMO_ACCOUNTS[want.vendor], `accountId ${got.accountId}`);
      assert(got.nativeId === want.nativeId, `nativeId ${got.nativeId}, expected ${want.nativeId}`);
      const total = got.usage?.total;
      assert(total && Number.isFinite(total.seconds) && total.seconds > 0, `usage.total ${JSON.stringify(got.usage)}`);
      assert(typeof total.hours === 'number', `usage.total.hours ${total.hours}`);
      assert(total.seconds === want.seconds, `usage.total.seconds ${total.seconds}, DeskGraph's ranking said ${want.seconds}`);
      const points = got.usage.points;
      const sum = points.reduce((s, p) => s + p.duration.seconds, 0);
      assert(sum === total.seconds, `points sum to ${sum} s, total is ${total.seconds} s`);
      assert(points.every((p) => p.date >= range.from && p.date <= range.to), 'a point lies outside the range');
      vendorsSeen.add(got.vendor);
      if (got.name == null) notes.push(got.id);
      return `${got.accountId}/${got.nativeId}: ${total.hours} h in ${points.length} daily points`;
    });
  }
  check('desktops of both vendors resolved in one gateway query', () => {
    assert(vendorsSeen.has('HUAWEI') && vendorsSeen.has('ALIBABA'), `vendors seen: ${[...vendorsSeen]}`);
    return [...vendorsSeen].sort().join(' + ');
  });

  const bad = employees.find((e) => e.desktopId?.includes(`:${UNCONFIGURED_ACCOUNT}:`));
  check(`desktop of an unconfigured account (${bad.desktopId}) is an error for that entity only`, () => {
    const got = byId[bad.id];
    assert(got, `employee ${bad.id} missing`);
    assert(got.desktop === null, `desktop should be null, got ${JSON.stringify(got.desktop)}`);
    const path = JSON.stringify(['employees', got.index, 'desktop']);
    const mine = errors.filter((e) => JSON.stringify(e.path) === path);
    assert(mine.length === 1, `expected 1 error at ${path}, got ${JSON.stringify(errors)}`);
    assert(mine[0].message.includes(UNCONFIGURED_ACCOUNT), `error does not name the account: ${mine[0].message}`);
    assert(mine[0].extensions?.serviceName === 'deskgraph', `error not from deskgraph: ${JSON.stringify(mine[0])}`);
    const others = errors.filter((e) => e !== mine[0]);
    assert(others.length === 0, `other errors: ${JSON.stringify(others)}`);
    return `${path} ${mine[0].extensions?.classification ?? mine[0].extensions?.code}: ${mine[0].message}`;
  });

  const none = employees.find((e) => e.desktopId === null);
  check('employee without a desktop: null, no error', () => {
    const got = byId[none.id];
    assert(got && got.desktop === null, `got ${JSON.stringify(got)}`);
    return 'ok';
  });

  // 2. DeskGraph -> people: DeskGraph's ranking, each desktop's assignedTo resolved by people.
  const reverse = await graphql(url, REVERSE, { range });
  check('DeskGraph ranking -> Desktop.assignedTo from people', () => {
    assert(!reverse.errors?.length, `errors: ${JSON.stringify(reverse.errors)}`);
    const owner = Object.fromEntries(employees.filter((e) => e.desktopId).map((e) => [e.desktopId, e]));
    const lines = [];
    for (const vendor of ['HUAWEI', 'ALIBABA']) {
      const rows = reverse.data?.[vendor.toLowerCase()]?.edges?.map((e) => e.node) ?? [];
      assert(rows.length === 3, `${vendor}: ${rows.length} rows`);
      rows.forEach((row, i) => {
        const want = top[vendor][i];
        assert(row.desktop.id === want.id, `${vendor} rank ${i + 1} is ${row.desktop.id}, was ${want.id} before`);
        const who = owner[row.desktop.id];
        if (who) {
          assert(row.desktop.assignedTo?.name === who.name, `${row.desktop.id} assignedTo ${JSON.stringify(row.desktop.assignedTo)}, expected ${who.name}`);
        } else {
          assert(row.desktop.assignedTo === null, `${row.desktop.id} should be unassigned: ${JSON.stringify(row.desktop.assignedTo)}`);
        }
        lines.push(`${row.desktop.name}->${row.desktop.assignedTo?.name ?? 'nobody'}`);
      });
    }
    assert(unassigned.every((d) => !owner[d.id]), 'an unassigned desktop has an owner');
    return lines.join(', ');
  });

  // Report.
  console.log('\nemployees (people) with their desktops (DeskGraph), through the gateway:');
  for (const e of list ?? []) {
    const d = e.desktop;
    console.log(`  ${e.name.padEnd(18)} ${e.team.padEnd(11)} ${d ? `${d.vendor.padEnd(8)} ${d.accountId.padEnd(13)} ${String(d.usage?.total?.hours).padStart(6)} h  ${d.id}` : 'desktop: null'}`);
  }
  console.log('');
  for (const r of results) {
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.detail ? ` (${r.detail})` : ''}`);
  }
  if (notes.length) {
    console.log(`note  Desktop.name is null for ${notes.length} desktop(s) resolved by id through _entities (not asserted)`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${failed ? 'FAIL' : 'PASS'}: ${results.length - failed}/${results.length} checks passed`);
  process.exit(failed ? 1 : 0);
}

try {
  await (command === 'prepare' ? prepare() : verify());
} catch (e) {
  console.error(`FAIL  ${command}: ${e.message}`);
  process.exit(1);
}
