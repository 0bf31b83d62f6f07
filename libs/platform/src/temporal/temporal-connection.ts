import fs from 'node:fs';
import type { Environment } from '../config/environment';

/**
 * Connection options for a Temporal server: the local dev server by default, or an existing cluster
 * (Temporal Cloud or self-hosted) with mTLS or an API key.
 */
export interface TemporalConnectionOptions {
  readonly address: string;
  readonly tls?: { clientCertPair?: { crt: Buffer; key: Buffer }; serverNameOverride?: string };
  readonly apiKey?: string;
  readonly metadata?: Record<string, string>;
}

/** Works for both `Connection.connect` (client) and `NativeConnection.connect` (worker). */
export const temporalConnectionOptions = (env: Environment): TemporalConnectionOptions => {
  const mtls =
    env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
      ? {
          clientCertPair: {
            crt: fs.readFileSync(env.TEMPORAL_TLS_CERT_PATH),
            key: fs.readFileSync(env.TEMPORAL_TLS_KEY_PATH),
          },
        }
      : {};
  const tlsWanted = env.TEMPORAL_TLS || Boolean(env.TEMPORAL_API_KEY) || 'clientCertPair' in mtls;
  return {
    address: env.TEMPORAL_ADDRESS,
    tls: tlsWanted
      ? {
          ...mtls,
          ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
        }
      : undefined,
    apiKey: env.TEMPORAL_API_KEY,
    metadata: env.TEMPORAL_API_KEY ? { 'temporal-namespace': env.TEMPORAL_NAMESPACE } : undefined,
  };
};
