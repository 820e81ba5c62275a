// GraphQL Mesh composition: one OpenAPI source, the Huawei statistics API, served by the simulator at
// HUAWEI_ENDPOINT. `npx mesh-compose -o supergraph.graphql` writes the supergraph Hive Gateway serves.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const endpoint = process.env.HUAWEI_ENDPOINT;
if (!endpoint) throw new Error('HUAWEI_ENDPOINT (e.g. http://127.0.0.1:18081) is required');

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Huawei', {
        source: './huawei-statistics.openapi.yaml',
        endpoint,
      }),
    },
  ],
});
