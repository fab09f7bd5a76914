import { z } from 'zod';
import type { DirectLineRelay } from './direct-line-relay';

export interface WebChatSession {
  readonly token: string;
  readonly conversationId: string;
  /** Where the browser's Direct Line client connects. */
  readonly domain: string;
}

/** The conversation a reloaded page had, to continue it. */
export interface EarlierConversation {
  readonly conversationId: string;
  readonly token: string;
}

/** Hands a browser a Direct Line token for one chat user; the Direct Line secret never leaves the server. */
export interface WebChatTokens {
  /** `greet`: a new conversation starts with the bot's greeting (not when a link's task is about to be asked for). */
  issue(userId: string, locale: string, botOrigin: string, earlier?: EarlierConversation, greet?: boolean): Promise<WebChatSession>;
}

/** The embedded default: energobot's own Direct Line relay. */
export function relayTokens(relay: DirectLineRelay): WebChatTokens {
  return {
    async issue(userId, locale, botOrigin, earlier, greet = true) {
      const { token, conversationId } = await relay.issueToken(userId, locale, earlier?.conversationId, greet);
      return { token, conversationId, domain: `${botOrigin}/v3/directline` };
    },
  };
}

const issuedToken = z.object({ token: z.string().min(1), conversationId: z.string().min(1) });

/**
 * Production: Azure Bot Service's Direct Line, exchanging the secret for a per-user token. A
 * reloaded page refreshes its earlier token instead, so it continues the same conversation.
 */
export function directLineTokens(secret: string, endpoint: string): WebChatTokens {
  const call = async (path: string, authorization: string, body?: unknown) => {
    const response = await fetch(`${endpoint}/v3/directline/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${authorization}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return response.ok ? issuedToken.parse(await response.json()) : null;
  };
  return {
    async issue(userId, _locale, _botOrigin, earlier) {
      const refreshed = earlier ? await call('tokens/refresh', earlier.token) : null;
      if (refreshed && refreshed.conversationId === earlier?.conversationId) return { ...refreshed, domain: `${endpoint}/v3/directline` };
      const generated = await call('tokens/generate', secret, { user: { id: userId } });
      if (!generated) throw new Error('Direct Line token: refused');
      return { ...generated, domain: `${endpoint}/v3/directline` };
    },
  };
}
