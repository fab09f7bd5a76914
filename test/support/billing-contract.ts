import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * docs/billing-api.yaml as a referee: every request energobot sends to billing and every answer
 * it gets is held against the file, and so are the events billing sends and the file's own
 * examples. What the file does not say is a violation too (an undocumented status, a path).
 */

// The part of OpenAPI 3.1 the contract uses; a schema is kept as it is, for Ajv.
const jsonSchema = z.record(z.string(), z.unknown());
const reference = z.strictObject({ $ref: z.string() });
const examples = z.record(z.string(), z.object({ value: z.unknown() })).optional();
const parameter = z.object({
  name: z.string(),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: jsonSchema,
  example: z.unknown().optional(),
  examples,
});
const mediaType = z.object({ schema: jsonSchema.optional(), example: z.unknown().optional(), examples });
const content = z.record(z.string(), mediaType);
const response = z.object({
  description: z.string(),
  headers: z.record(z.string(), z.object({ required: z.boolean().optional(), schema: jsonSchema })).optional(),
  content: content.optional(),
});
const parameters = z.array(z.union([reference, parameter])).optional();
const operation = z.object({
  operationId: z.string(),
  parameters,
  requestBody: z.object({ required: z.boolean().optional(), content }).optional(),
  responses: z.record(z.string(), z.union([reference, response])),
});
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
const pathItem = z.object({
  parameters,
  get: operation.optional(),
  put: operation.optional(),
  post: operation.optional(),
  delete: operation.optional(),
  patch: operation.optional(),
});
const openApi = z.object({
  openapi: z.string().startsWith('3.1'),
  paths: z.record(z.string(), pathItem),
  webhooks: z.record(z.string(), pathItem).optional(),
  components: z.object({
    schemas: z.record(z.string(), jsonSchema),
    parameters: z.record(z.string(), parameter).optional(),
    responses: z.record(z.string(), response).optional(),
  }),
});

type Parameter = z.infer<typeof parameter>;
type Response = z.infer<typeof response>;
type Operation = z.infer<typeof operation>;
type PathItem = z.infer<typeof pathItem>;
type Headers = Readonly<Record<string, string | undefined>>;

export const contractPath = join(__dirname, '..', '..', 'docs', 'billing-api.yaml');
/** Where the contract's schemas are for Ajv: `#/components/schemas/X` is `billing-api.yaml#/$defs/X`. */
const schemasId = 'billing-api.yaml';

/** Every `$ref` to a schema, pointed at the schemas as Ajv holds them. */
function pointedAtDefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointedAtDefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace(/^#\/components\/schemas\//, `${schemasId}#/$defs/`) : pointedAtDefs(inner),
    ]),
  );
}

const contract = openApi.parse(pointedAtDefs(parse(readFileSync(contractPath, 'utf8'))));

function validatorOf(options: { readonly coerceTypes: boolean }): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: options.coerceTypes });
  addFormats(ajv);
  ajv.addSchema({ $id: schemasId, $defs: contract.components.schemas });
  return ajv;
}
const bodies = validatorOf({ coerceTypes: false });
/** Parameters and headers travel as text: `1` is the integer 1. */
const texts = validatorOf({ coerceTypes: true });

function described(where: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${where}${error.instancePath} ${error.message ?? 'is invalid'}${paramsOf(error)}`);
}

function paramsOf(error: ErrorObject): string {
  const { additionalProperty, allowedValues } = error.params as { additionalProperty?: string; allowedValues?: unknown };
  if (additionalProperty !== undefined) return ` (${additionalProperty})`;
  return allowedValues !== undefined ? ` (${JSON.stringify(allowedValues)})` : '';
}

function bodyViolations(where: string, schema: Record<string, unknown>, value: unknown): string[] {
  const validate = bodies.compile(schema);
  return validate(value) ? [] : described(where, validate.errors);
}

/** A text's schema, wrapped so that Ajv may coerce it; once per schema. */
const textValidators = new WeakMap<Record<string, unknown>, ValidateFunction>();

function textViolations(where: string, schema: Record<string, unknown>, value: string): string[] {
  let validate = textValidators.get(schema);
  if (!validate) textValidators.set(schema, (validate = texts.compile({ type: 'object', properties: { value: schema } })));
  return validate({ value }) ? [] : described(where, validate.errors).map((violation) => violation.replace(`${where}/value`, where));
}

function resolved<T>(value: T | z.infer<typeof reference>, section: 'parameters' | 'responses'): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value;
  const name = new RegExp(`^#/components/${section}/(.+)$`).exec(value.$ref)?.[1];
  const found = name === undefined ? undefined : contract.components[section]?.[name];
  if (!found) throw new Error(`docs/billing-api.yaml: ${value.$ref} is not in components.${section}`);
  return found as T;
}

/** The operation a request is for, with its path's parameters; or why there is none. */
function operationOf(method: string, path: string): { operation: Operation; item: PathItem; pathParams: Record<string, string> } | string {
  for (const [template, item] of Object.entries(contract.paths)) {
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_whole, name: string) => (names.push(name), '([^/]+)'));
    const match = new RegExp(`^${pattern}$`).exec(path);
    if (!match) continue;
    const operation = item[method.toLowerCase() as (typeof methods)[number]];
    if (!operation) return `${method} ${template} is not in the contract`;
    return { operation, item, pathParams: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')])) };
  }
  return `no path of the contract is ${path}`;
}

function parameterViolations(
  declared: readonly Parameter[],
  given: { readonly path: Record<string, string>; readonly query: URLSearchParams; readonly headers: Headers },
): string[] {
  return declared.flatMap((param) => {
    const where = `${param.in} parameter ${param.name}`;
    const values =
      param.in === 'path'
        ? [given.path[param.name]]
        : param.in === 'query'
          ? given.query.getAll(param.name)
          : param.in === 'header'
            ? [given.headers[param.name.toLowerCase()]]
            : [];
    const present = values.filter((value): value is string => value !== undefined);
    if (present.length === 0) return param.required || param.in === 'path' ? [`${where} is required`] : [];
    if (present.length > 1 && param.schema['type'] !== 'array') return [`${where} is given ${present.length} times`];
    return present.flatMap((value) => textViolations(where, param.schema, value));
  });
}

function declaredParameters(item: PathItem, operation: Operation): Parameter[] {
  const all = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((param) => resolved(param, 'parameters'));
  // An operation's parameter overrides the path's one of the same name and place.
  return all.filter((param, index) => !all.slice(index + 1).some((later) => later.name === param.name && later.in === param.in));
}

function requestBodyViolations(operation: Operation, headers: Headers, body: unknown): string[] {
  const declared = operation.requestBody;
  if (body === undefined) return declared?.required ? ['the request body is required'] : [];
  if (!declared) return ['the operation takes no request body'];
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const media = declared.content[type];
  if (!media) return [`the request body's type "${type}" is not one the operation takes (${Object.keys(declared.content).join(', ')})`];
  return media.schema ? bodyViolations('request body', media.schema, body) : [];
}

function documentedResponse(operation: Operation, status: number): Response | undefined {
  const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`] ?? operation.responses['default'];
  return declared && resolved(declared, 'responses');
}

function responseViolations(operation: Operation, exchange: Pick<Exchange, 'status' | 'responseHeaders' | 'responseBody'>): string[] {
  const declared = documentedResponse(operation, exchange.status);
  if (!declared) return [`status ${exchange.status} is not documented for ${operation.operationId}`];
  const headers = exchange.responseHeaders;
  const headerViolations = Object.entries(declared.headers ?? {}).flatMap(([name, header]) => {
    const value = headers?.[name.toLowerCase()];
    if (value === undefined) return header.required && headers ? [`response header ${name} is required`] : [];
    return textViolations(`response header ${name}`, header.schema, value);
  });
  if (!declared.content) return [...headerViolations, ...(exchange.responseBody === undefined ? [] : ['the response has a body; the contract gives it none'])];
  const type = headers?.['content-type']?.split(';')[0]?.trim();
  const media = type === undefined ? Object.values(declared.content)[0] : declared.content[type];
  if (!media) return [...headerViolations, `the response's type "${type}" is not documented (${Object.keys(declared.content).join(', ')})`];
  if (exchange.responseBody === undefined) return [...headerViolations, 'the response has no body'];
  return [...headerViolations, ...(media.schema ? bodyViolations('response body', media.schema, exchange.responseBody) : [])];
}

/** One request to billing and its answer; bodies parsed from JSON (the raw text when they are not JSON), absent when empty. */
export interface Exchange {
  readonly method: string;
  /** With its query: `/v1/tariffs?period=2026-11`. */
  readonly path: string;
  /** Names in any case. */
  readonly requestHeaders: Headers;
  readonly requestBody?: unknown;
  readonly status: number;
  /** Names in any case; when absent, the answer's headers and content type are not checked. */
  readonly responseHeaders?: Headers;
  readonly responseBody?: unknown;
}

type SentRequest = Pick<Exchange, 'method' | 'path' | 'requestHeaders' | 'requestBody'>;

/** How the request breaks docs/billing-api.yaml (energobot's side of the exchange). */
export function checkRequest(exchange: SentRequest): string[] {
  const url = new URL(exchange.path, 'http://billing.invalid');
  const found = operationOf(exchange.method, url.pathname);
  if (typeof found === 'string') return [found];
  const { operation, item, pathParams } = found;
  const headers = lowerCased(exchange.requestHeaders);
  const authorization = headers['authorization'];
  return [
    ...(authorization !== undefined && !/^Bearer \S+$/.test(authorization) ? ['Authorization is not "Bearer <token>"'] : []),
    ...parameterViolations(declaredParameters(item, operation), { path: pathParams, query: url.searchParams, headers }),
    ...requestBodyViolations(operation, headers, exchange.requestBody),
  ];
}

/** How the answer breaks docs/billing-api.yaml (billing's side): a status the operation does not document, headers, body. */
export function checkResponse(exchange: Exchange): string[] {
  const found = operationOf(exchange.method, new URL(exchange.path, 'http://billing.invalid').pathname);
  if (typeof found === 'string') return [found];
  return responseViolations(found.operation, { ...exchange, ...(exchange.responseHeaders && { responseHeaders: lowerCased(exchange.responseHeaders) }) });
}

/** How the exchange breaks docs/billing-api.yaml, either side: none is the contract kept. */
export function checkExchange(exchange: Exchange): string[] {
  if (operationIdOf(exchange.method, exchange.path) === undefined) return checkRequest(exchange);
  return [...checkRequest(exchange), ...checkResponse(exchange)];
}

/** Every operation of the contract's paths, by `operationId`: what a conversation should have exercised. */
export const contractOperationIds: readonly string[] = Object.values(contract.paths).flatMap((item) =>
  methods.flatMap((method) => (item[method] ? [item[method].operationId] : [])),
);

/** The operation a request is for (`getAccount`…), when the contract has one. */
export function operationIdOf(method: string, path: string): string | undefined {
  const found = operationOf(method, new URL(path, 'http://billing.invalid').pathname);
  return typeof found === 'string' ? undefined : found.operation.operationId;
}

/** How an event billing sends (`webhooks.billingEvent`) breaks the contract; its headers too when given. */
export function checkEvent(body: unknown, headers?: Headers): string[] {
  const operation = contract.webhooks?.['billingEvent']?.post;
  if (!operation) throw new Error('docs/billing-api.yaml has no webhooks.billingEvent.post');
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error('webhooks.billingEvent.post has no JSON body schema');
  const headerViolations = headers
    ? parameterViolations(
        (operation.parameters ?? []).map((param) => resolved(param, 'parameters')),
        { path: {}, query: new URLSearchParams(), headers: lowerCased(headers) },
      )
    : [];
  return [...headerViolations, ...bodyViolations('event', schema, body)];
}

/** Every example of the file (bodies, parameters, schemas), with how it breaks its own schema. */
export function contractExamples(): { readonly name: string; readonly violations: readonly string[] }[] {
  const found: { name: string; violations: string[] }[] = [];
  const media = (where: string, declared: Record<string, z.infer<typeof mediaType>>) => {
    for (const [type, { schema, example, examples: named }] of Object.entries(declared)) {
      const all = { ...(example !== undefined && { example: { value: example } }), ...named };
      for (const [name, { value }] of Object.entries(all))
        found.push({ name: `${where} ${type} ${name}`, violations: schema ? bodyViolations('example', schema, value) : [] });
    }
  };
  const operations = (kind: string, items: Record<string, PathItem>) => {
    for (const [path, item] of Object.entries(items))
      for (const method of methods) {
        const operation = item[method];
        if (!operation) continue;
        const where = `${kind} ${method.toUpperCase()} ${path}`;
        for (const param of declaredParameters(item, operation)) {
          const all = { ...(param.example !== undefined && { example: { value: param.example } }), ...param.examples };
          for (const [name, { value }] of Object.entries(all))
            found.push({ name: `${where} ${param.name} ${name}`, violations: bodyViolations('example', param.schema, value) });
        }
        if (operation.requestBody) media(`${where} request`, operation.requestBody.content);
        for (const [status, declared] of Object.entries(operation.responses)) media(`${where} ${status}`, resolved(declared, 'responses').content ?? {});
      }
  };
  operations('path', contract.paths);
  operations('webhook', contract.webhooks ?? {});
  for (const [name, schema] of Object.entries(contract.components.schemas)) {
    const listed = Array.isArray(schema['examples']) ? (schema['examples'] as unknown[]) : [];
    listed.forEach((value, index) => found.push({ name: `schema ${name} #${index + 1}`, violations: bodyViolations('example', schema, value) }));
  }
  return found;
}

function lowerCased(headers: Headers): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** What crossed the recorder, as `Exchange`. */
export interface RecordedExchange extends Exchange {
  readonly responseHeaders: Headers;
}

/** An HTTP recorder in front of billing: point the client at `url`. */
export interface BillingRecorder {
  readonly url: string;
  /** Every exchange answered so far, in the order the answers came. */
  readonly exchanges: readonly RecordedExchange[];
  /** Every violation of the exchanges from the `since`th on (all by default), each as `METHOD path → status: violation`. */
  violations(since?: number): string[];
  close(): Promise<void>;
}

/** Hop-by-hop headers are the connection's, not the exchange's: each side has its own. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'proxy-connection', 'upgrade']);

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined || hopByHop.has(name) ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
    ),
  );
}

function bodyOf(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function collected(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * A proxy on a free port of loopback that passes every request on to `target` (billing's base
 * URL) and records the exchange. While billing is unreachable the caller's connection is
 * dropped, as billing's own would be; a caller that gives up drops the request to billing too.
 */
export async function recordBilling(target: string): Promise<BillingRecorder> {
  const exchanges: RecordedExchange[] = [];
  const proxy = createServer((req, res) => {
    void collected(req).then(
      (requestBytes) => {
        const requestHeaders = flatHeaders(req.headers);
        const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: requestHeaders, agent: false }, (answer) => {
          void collected(answer).then(
            (responseBytes) => {
              const responseHeaders = flatHeaders(answer.headers);
              const status = answer.statusCode ?? 0;
              exchanges.push({
                method: req.method ?? '',
                path: req.url ?? '/',
                requestHeaders,
                requestBody: bodyOf(requestBytes),
                status,
                responseHeaders,
                responseBody: bodyOf(responseBytes),
              });
              res.writeHead(status, { ...responseHeaders, 'content-length': String(responseBytes.length) });
              res.end(responseBytes);
            },
            () => res.destroy(),
          );
        });
        upstream.on('error', () => res.destroy());
        res.on('close', () => upstream.destroy());
        upstream.end(requestBytes);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    violations: (since = 0) =>
      exchanges
        .slice(since)
        .flatMap((exchange) => checkExchange(exchange).map((violation) => `${exchange.method} ${exchange.path} → ${exchange.status}: ${violation}`)),
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}
