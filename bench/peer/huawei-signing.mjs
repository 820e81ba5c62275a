// Huawei Cloud SDK-HMAC-SHA256 (AK/SK) request signing as a Hive Gateway plugin: the only code GraphQL Mesh
// needs to call the Huawei Workspace API. See ../../../shared/VENDOR-APIS.md section A7 for the algorithm; it
// signs like the official Java SDK (AKSKSigner): host, x-project-id and x-sdk-date are signed, the canonical
// URI ends with "/", the query is re-encoded and sorted by key (a repeated key keeps its value order).
import { createHash, createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const ALGORITHM = 'SDK-HMAC-SHA256';

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');

// URLEncoder(UTF-8) then "+" -> "%20", "*" -> "%2A", "%7E" -> "~": only A-Za-z0-9-_.~ stay unescaped.
const encode = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

const decode = (value) => decodeURIComponent(value.replace(/\+/g, '%20'));

function canonicalUri(pathname) {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return '/' + segments.map((segment) => encode(decodeURIComponent(segment)) + '/').join('');
}

function canonicalQuery(search) {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [encode(decode(key)), encode(decode(value))];
    });
  // Array.prototype.sort is stable: a repeated key keeps the order of its values.
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

// 20191115T033655Z
const sdkDate = (date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Signs one request. Returns the headers to add: X-Project-Id (when given), X-Sdk-Date and Authorization. The
 * signed Host is the URL's authority, which is what the HTTP client sends.
 * @param {{ method: string, url: string, body?: string, ak: string, sk: string, projectId?: string, date?: Date }} r
 */
export function signHuawei({ method, url, body = '', ak, sk, projectId, date = new Date() }) {
  const target = new URL(url);
  const headers = { host: target.host }; // the authority, port included
  if (projectId) headers['x-project-id'] = projectId;
  headers['x-sdk-date'] = sdkDate(date);
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    method.toUpperCase(),
    canonicalUri(target.pathname),
    canonicalQuery(target.search),
    names.map((name) => `${name}:${headers[name]}\n`).join(''),
    names.join(';'),
    sha256Hex(body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${headers['x-sdk-date']}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', sk).update(stringToSign).digest('hex');
  return {
    ...(projectId ? { 'X-Project-Id': projectId } : {}),
    'X-Sdk-Date': headers['x-sdk-date'],
    Authorization: `${ALGORITHM} Access=${ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/**
 * Hive Gateway plugin: signs every outgoing request whose URL starts with `endpoint`.
 * @param {{ endpoint: string, ak: string, sk: string, projectId?: string }} options
 */
export function useHuaweiSigning({ endpoint, ak, sk, projectId }) {
  return {
    onFetch({ url, options, setOptions }) {
      if (!url.startsWith(endpoint)) return;
      const body = typeof options.body === 'string' ? options.body : '';
      const signed = signHuawei({ method: options.method || 'GET', url, body, ak, sk, projectId });
      setOptions({ ...options, headers: { ...options.headers, ...signed } });
    },
  };
}

// `node huawei-signing.mjs` checks the signer against the published AKSKSigner example (VENDOR-APIS.md A7.2).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { Authorization } = signHuawei({
    method: 'GET',
    url:
      'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs' +
      '?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    ak: 'QTWAOYTTINDUT2QVKYUC',
    sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    date: new Date('2019-11-15T03:36:55Z'),
  });
  const expected = 'faafba090046ef84c81ca330e77576d8746733ddfcf0317aaeb59cff50da39a7';
  const ok = Authorization.endsWith(`SignedHeaders=host;x-sdk-date, Signature=${expected}`);
  console.log(ok ? 'huawei-signing: the AKSKSigner example signs as published' : `MISMATCH: ${Authorization}`);
  process.exit(ok ? 0 : 1);
}
