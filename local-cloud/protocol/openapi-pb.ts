import protobuf from 'protobufjs';

/** The protobuf messages wx-server-sdk uses for `wx.openApi` (field numbers as in its own schema). */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});

const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** Decodes an openapi request into its JSON arguments (each pair's value is a JSON text). */
export function decodeOpenApiRequest(buffer: Uint8Array): { appid: string; args: Record<string, unknown> } {
  const message = CommApiData.toObject(CommApiData.decode(buffer), { defaults: true }) as {
    appid: string;
    openapiData?: { pairs: { key: string; value: Uint8Array }[] };
  };
  const args: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    args[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'));
  }
  return { appid: message.appid, args };
}

/** Encodes a JSON answer the way WeChat's openapi gateway returns it to the SDK. */
export function encodeOpenApiResponse(body: Record<string, unknown>): Buffer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(body)),
    contentType: 'application/json',
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}
