// "people": a small second Apollo Federation v2 subgraph that composes with DeskGraph.
//
// Employees point at DeskGraph desktops by their global id (DeskGraph owns Desktop and resolves it through _entities),
// and the people subgraph adds Desktop.assignedTo, so a query can cross the graph both ways:
//   { employees { name desktop { vendor usage(...) { total { hours } } } } }        people -> DeskGraph
//   { usageRanking(...) { edges { node { desktop { id assignedTo { name } } } } } }  DeskGraph -> people
//
// Configuration (environment):
//   PEOPLE_PORT       port to listen on, 127.0.0.1 only (default 4002)
//   PEOPLE_EMPLOYEES  path of a JSON file: [{ "id", "name", "team", "desktopId" }, ...] (default: no employees)

import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

const port = Number(process.env.PEOPLE_PORT ?? 4002);
const employees = process.env.PEOPLE_EMPLOYEES
  ? JSON.parse(readFileSync(process.env.PEOPLE_EMPLOYEES, 'utf8'))
  : [];
for (const e of employees) {
  if (!e.id || !e.name || !e.team) {
    throw new Error(`employee needs id, name and team: ${JSON.stringify(e)}`);
  }
}

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])

  "Someone on the team; people knows who sits at which desktop, DeskGraph knows the desktop."
  type Employee {
    id: ID!
    name: String!
    team: String!
    "The employee's desktop: only its key lives here, every other field is resolved by DeskGraph."
    desktop: Desktop
  }

  "DeskGraph's desktop entity; people contributes who the desktop is assigned to."
  type Desktop @key(fields: "id") {
    id: ID!
    "The employee the desktop is assigned to, if any."
    assignedTo: Employee
  }

  type Query {
    employees: [Employee!]!
  }
`);

const resolvers = {
  Query: {
    employees: () => employees,
  },
  Employee: {
    // A reference: the gateway fetches the rest of the desktop from DeskGraph by this id.
    desktop: (employee) => (employee.desktopId ? { __typename: 'Desktop', id: employee.desktopId } : null),
  },
  Desktop: {
    __resolveReference: (ref) => ({ id: ref.id }),
    assignedTo: (desktop) => employees.find((e) => e.desktopId === desktop.id) ?? null,
  },
};

const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]) });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
console.log(`people subgraph ready at ${url} with ${employees.length} employees`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
