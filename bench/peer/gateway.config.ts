// Hive Gateway serving the Mesh supergraph that mesh.config.ts composes: responses cached like DeskGraph's live status
// (5 s), every request to the Huawei endpoint signed with SDK-HMAC-SHA256 by huawei-signing.mjs.
import { defineConfig } from '@graphql-hive/gateway';
import { useHuaweiSigning } from './huawei-signing.mjs';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

export const gatewayConfig = defineConfig({
  // One cache entry per operation and variables for every client (no session), kept 5 s.
  responseCaching: {
    session: () => null,
    ttl: Number(env('MESH_CACHE_TTL_MS', '5000')),
  },
  // Identical queries in flight share one execution, so that when the cached answer expires the waiting clients
  // cause one vendor call, not one each (DeskGraph's vendor cache does the same); keeps the vendor's quota.
  inboundInflightRequestDeduplication: true,
  plugins: () => [
    useHuaweiSigning({
      endpoint: env('HUAWEI_ENDPOINT'),
      projectId: env('HUAWEI_PROJECT_ID', '0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f'),
      ak: env('HUAWEI_AK', 'HWDEMOAK00000000000A'),
      sk: env('HUAWEI_SK', 'hw-demo-secret-key-for-local-use-only'),
    }),
  ],
});
