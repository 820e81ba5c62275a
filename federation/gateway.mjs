// Apollo Gateway over DeskGraph and the people subgraph: composes the supergraph at start-up (IntrospectAndCompose asks
// each subgraph for `_service { sdl }`) and plans every query across both, using DeskGraph's `_entities` for desktops.
//
// Configuration (environment):
//   GATEWAY_PORT      port to listen on, 127.0.0.1 only (default 4000)
//   DESKGRAPH_URL     DeskGraph's GraphQL endpoint (default http://127.0.0.1:8080/graphql)
//   PEOPLE_URL        the people subgraph (default http://127.0.0.1:4002/)
//   SUPERGRAPH_OUT    optional path: the composed supergraph SDL is written there
//
// A composition error makes the gateway fail to start (non-zero exit), which is what the check wants.

import { writeFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const port = Number(process.env.GATEWAY_PORT ?? 4000);
const subgraphs = [
  { name: 'deskgraph', url: process.env.DESKGRAPH_URL ?? 'http://127.0.0.1:8080/graphql' },
  { name: 'people', url: process.env.PEOPLE_URL ?? 'http://127.0.0.1:4002/' },
];

const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({ subgraphs }),
});

if (process.env.SUPERGRAPH_OUT) {
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => writeFileSync(process.env.SUPERGRAPH_OUT, coreSupergraphSdl));
}

// No stack traces in responses: the check prints the errors DeskGraph sent, not the gateway's internals.
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
console.log(`gateway ready at ${url} over ${subgraphs.map((s) => `${s.name}=${s.url}`).join(', ')}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
