import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatabaseEngine } from '../db/engine';
import { ProtocolError } from '../db/errors';
import type { Faults } from '../faults';
import { InvocationError } from '../functions/pool';
import type { CloudStorage } from '../storage/cloud-storage';
import { decodeOpenApiRequest, encodeOpenApiResponse } from './openapi-pb';

/** What the SDK endpoint needs besides the database. */
export interface TcbServices {
  engine: DatabaseEngine;
  /** `cloud.callFunction` from inside a function. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** `cloud.openapi.*` from function `caller`; answers WeChat's JSON body. */
  openApi(caller: string, apiName: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** `cloud.cloudPay.*`; answers WeChat Pay's snake_case JSON body. */
  pay(caller: string, apiName: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** `cloud.uploadFile`, `getTempFileURL` and `deleteFile`. */
  storage: CloudStorage;
  /** Database calls made to fail by rule (none unless a suite arms one). */
  faults: Faults;
  /** Ends the calling instance as a crash would (its invocation fails). */
  killInstance(): void;
}

/** Reads a whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The SDK reads openapi and pay answers as raw buffers; this content type keeps them raw. */
function sendBuffer(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
  res.end(body);
}

/**
 * Reads the SDK's multipart form. Parts such as `requestData` are binary (protobuf) without a
 * filename, so they arrive as fields: decoding them as latin1 keeps every byte.
 */
function readForm(req: IncomingMessage, body: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, Buffer>();
    const parser = busboy({ headers: req.headers, defCharset: 'latin1', limits: { fieldSize: 8 * 1024 * 1024 } });
    parser.on('field', (name, value) => fields.set(name, Buffer.from(value, 'latin1')));
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => fields.set(name, Buffer.concat(chunks)));
    });
    parser.on('close', () => resolve(fields));
    parser.on('error', reject);
    parser.end(body);
  });
}

/** The `data` of a storage action's answer, in the platform's field names. */
function storageAction(storage: CloudStorage, action: string, params: Record<string, unknown>): unknown {
  if (action === 'storage.getUploadMetadata') return storage.uploadMetadata(String(params.path ?? ''));
  if (action === 'storage.batchGetDownloadUrl') {
    const list = params.file_list;
    if (!Array.isArray(list)) throw new ProtocolError('INVALID_PARAM', 'file_list must be an array');
    return { download_list: storage.downloadUrls(list as { fileid: string; max_age?: number }[]) };
  }
  if (action === 'storage.batchDeleteFile') {
    const list = params.fileid_list;
    if (!Array.isArray(list)) throw new ProtocolError('INVALID_PARAM', 'fileid_list must be an array');
    return { delete_list: storage.remove(list as string[]) };
  }
  throw new ProtocolError('INVALID_PARAM', `[local-cloud] action ${action} is not emulated`);
}

/**
 * One database call, through the fault rules: it may fail before it is applied, be applied with
 * its answer lost (the platform's timeout), kill its instance as it is applied, or wait first.
 */
async function databaseCall(
  services: TcbServices,
  caller: string,
  action: string,
  params: Record<string, unknown>,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const fault = services.faults.take(caller, action, params);
  if (fault === 'fail') throw new ProtocolError('SYS_ERR', `[local-cloud fault] ${action} failed before it reached the database`);
  if (typeof fault === 'object' && fault !== null) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  const answer = services.engine.handle(action, params);
  if (fault === 'timeoutAfterWrite') throw new ProtocolError('SERVER_TIMEOUT', `[local-cloud fault] ${action} was applied but timed out`);
  if (fault === 'killInstance') {
    services.killInstance();
    res.destroy();
    return;
  }
  sendJson(res, { requestId, ...answer });
}

/**
 * Handles `POST /tcb/<function>/admin`: the endpoint that the real wx-server-sdk calls when
 * TCB_CONTEXT_CNFG points at it. `caller` is the function whose instances use this URL.
 */
export async function handleTcb(services: TcbServices, caller: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const body = await readBody(req);
  try {
    if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      const form = await readForm(req, body);
      const action = form.get('action')?.toString();
      const apiName = form.get('apiName')?.toString() ?? '';
      const requestData = form.get('requestData') ?? Buffer.alloc(0);
      if (action === 'wx.openApi') {
        const { args } = decodeOpenApiRequest(requestData);
        return sendBuffer(res, encodeOpenApiResponse(await services.openApi(caller, apiName, args)));
      }
      if (action === 'wx.wxPayApi') {
        const args = JSON.parse(requestData.toString('utf8')) as Record<string, unknown>;
        return sendBuffer(res, Buffer.from(JSON.stringify(await services.pay(caller, apiName, args))));
      }
      throw new ProtocolError('INVALID_PARAM', `[local-cloud] action ${action} is not emulated`);
    }
    const params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const action = String(params.action ?? '');
    if (action.startsWith('database.')) return await databaseCall(services, caller, action, params, res, requestId);
    if (action.startsWith('storage.')) return sendJson(res, { requestId, data: storageAction(services.storage, action, params) });
    if (action === 'functions.invokeFunction') {
      const data = typeof params.request_data === 'string' && params.request_data ? JSON.parse(params.request_data) : {};
      const result = await services.callFunction(String(params.function_name), data);
      return sendJson(res, { requestId, data: { response_data: JSON.stringify(result) } });
    }
    throw new ProtocolError('INVALID_PARAM', `[local-cloud] action ${action} is not emulated`);
  } catch (error) {
    const code = error instanceof ProtocolError ? error.code : error instanceof InvocationError ? 'FUNCTIONS_EXECUTE_FAIL' : 'SYS_ERR';
    sendJson(res, { requestId, code, message: (error as Error).message });
  }
}
