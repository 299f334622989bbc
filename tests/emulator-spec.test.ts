// The emulator refuses what Discord would refuse: every request body it receives is checked against Discord's
// own OpenAPI spec (discord-api-spec), and a bad one gets 400 with code 50035 and Discord's errors tree.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, ErrorCode, startEmulator, type Emulator } from './emulator/index.js';
import { checkRequestBody } from './emulator/spec.js';
import { emulatorApi } from './support/emulator-api.js';

let emu: Emulator;
const api = emulatorApi(() => emu);
const channelId = () => emu.channel('general').id;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu?.close());

/** The 50035 body of a refused request. */
async function refusal(response: Response): Promise<{ code: number; message: string; errors: Record<string, unknown> }> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: number; message: string; errors: Record<string, unknown> };
  expect(body).toMatchObject({ code: ErrorCode.InvalidFormBody, message: 'Invalid Form Body' });
  return body;
}

const post = (body: unknown) => api(`/channels/${channelId()}/messages`, { method: 'POST', body });

describe('request bodies checked against Discord\'s spec', () => {
  it('refuses an embed title over 256 characters, naming the field', async () => {
    const { errors } = await refusal(await post({ embeds: [{ title: 't'.repeat(300) }] }));
    expect(errors).toEqual({ embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } } });
  });

  it('refuses a component of an unknown type, listing the types Discord knows', async () => {
    const { errors } = await refusal(await post({ content: 'x', components: [{ type: 99, components: [] }] }));
    expect(errors).toMatchObject({ components: { 0: { type: { _errors: [{ code: 'UNION_TYPE_CHOICES' }] } } } });
    expect(JSON.stringify(errors)).toContain('must be one of (1, 17, 13, 12, 9, 14, 10)');
  });

  it('explains a mistake inside the component type that matched: a button label over 80 characters', async () => {
    const button = { type: 2, style: 1, custom_id: 'a', label: 'l'.repeat(81) };
    const { errors } = await refusal(await post({ content: 'x', components: [{ type: 1, components: [button] }] }));
    expect(errors).toMatchObject({ components: { 0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } } });
  });

  it('refuses a field without a value and an unknown allowed_mentions type', async () => {
    const { errors } = await refusal(await post({ embeds: [{ fields: [{ name: 'a' }] }], allowed_mentions: { parse: ['nobody'] } }));
    expect(errors).toMatchObject({
      embeds: { 0: { fields: { 0: { value: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } } } },
      allowed_mentions: { parse: { 0: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } },
    });
  });

  it('still refuses content over 2000 characters, which the spec alone would allow (it says 4000)', async () => {
    const { errors } = await refusal(await post({ content: 'x'.repeat(2001) }));
    expect(errors).toMatchObject({ content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } });
  });

  it('reads an integer-parseable string where the spec says integer, as Discord does, and refuses any other string', async () => {
    const command = { name: 'admin', description: 'For admins', default_member_permissions: '32', contexts: [0], integration_types: [0] };
    const path = `/applications/${emu.applicationId}/commands`;
    expect((await api(path, { method: 'PUT', body: [command] })).status).toBe(200);
    const { errors } = await refusal(await api(path, { method: 'PUT', body: [{ ...command, default_member_permissions: 'Manage Server' }] }));
    expect(errors).toMatchObject({ 0: { default_member_permissions: { _errors: [{ code: 'BASE_TYPE_NUMBER' }] } } });
  });

  it('refuses a command registered for an interaction context Discord does not have', async () => {
    const body = [{ name: 'where', description: 'Where', contexts: [3] }];
    const { errors } = await refusal(await api(`/applications/${emu.applicationId}/commands`, { method: 'PUT', body }));
    expect(errors).toMatchObject({ 0: { contexts: { 0: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } });
  });

  it('refuses a bad interaction callback and a bad follow-up, and records both on the interaction', async () => {
    // Delivered to an endpoint that is not there, so the test itself answers it over REST.
    emu.setInteractionsUrl('http://127.0.0.1:9/');
    const interaction = emu.injectCommand({ name: 'anything' });
    emu.setInteractionsUrl(undefined);
    const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
    const bad = await refusal(await api(callback, { method: 'POST', auth: null, body: { type: 4, data: { embeds: [{ title: 't'.repeat(257) }] } } }));
    expect(bad.errors).toMatchObject({ data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    expect((await api(callback, { method: 'POST', auth: null, body: { type: 5 } })).status).toBe(204);
    const followUp = `/webhooks/${emu.applicationId}/${interaction.token}`;
    await refusal(await api(followUp, { method: 'POST', auth: null, body: { content: 'x', flags: 'ephemeral' } }));
    expect(interaction.responses.map(({ kind, status }) => [kind, status])).toEqual([
      ['callback', 400],
      ['callback', 204],
      ['followup', 400],
    ]);
  });

  it('checks thread and forum post bodies, routes the forum support serves', () => {
    expect(() => checkRequestBody('POST', '/channels/1/threads', { name: 'Recap', message: { content: 'x' } })).not.toThrow();
    expect(() => checkRequestBody('POST', '/channels/1/threads', { name: '', type: 11 })).toThrow('Invalid Form Body');
    expect(() => checkRequestBody('POST', '/channels/1/threads', { name: 'Recap', message: { embeds: [{ title: 't'.repeat(257) }] } })).toThrow('Invalid Form Body');
    expect(() => checkRequestBody('POST', '/channels/1/messages/2/threads', { name: 'n'.repeat(101) })).toThrow('Invalid Form Body');
  });
});

describe('an interactions endpoint answering with a body Discord would refuse', () => {
  let endpoint: Server;
  beforeAll(async () => {
    endpoint = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ type: CallbackType.ChannelMessageWithSource, data: { content: 'x', embeds: [{ description: 'd'.repeat(4097) }] } }));
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    emu.setInteractionsUrl(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`);
  });
  afterAll(async () => {
    emu.setInteractionsUrl(undefined);
    await new Promise((resolve) => endpoint.close(resolve));
  });

  it('is not taken as the reply: the refused callback is recorded on the interaction', async () => {
    const interaction = emu.injectCommand({ name: 'anything' });
    const [response] = await interaction.waitForResponse();
    expect(response).toMatchObject({ kind: 'callback', status: 400 });
    expect(interaction.acknowledgedWith).toBeUndefined();
  });
});

describe('delivery to an interactions endpoint', () => {
  let quick: Emulator;
  let endpoint: Server;
  let connections = 0;
  let hang = false;
  beforeAll(async () => {
    quick = await startEmulator({ interactionDeadlineMs: 1000 });
    endpoint = createServer((_req, res) => {
      if (!hang) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ type: 1 }));
    });
    endpoint.on('connection', () => connections++);
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    quick.setInteractionsUrl(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`);
  });
  afterAll(async () => {
    await quick.close();
    endpoint.closeAllConnections();
    await new Promise((resolve) => endpoint.close(resolve));
  });

  it('keeps one connection open across requests, as Discord does', async () => {
    for (let index = 0; index < 3; index++) expect(await quick.ping()).toMatchObject({ status: 200, body: { type: 1 } });
    expect(connections).toBe(1);
  });

  it('gives up on an endpoint that does not answer within the deadline', async () => {
    hang = true;
    const started = performance.now();
    await expect(quick.ping()).rejects.toThrow('no answer within 1000 ms');
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
