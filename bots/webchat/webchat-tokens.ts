import { z } from 'zod';
import type { DirectLineRelay } from './direct-line-relay';

export interface WebChatSession {
  readonly token: string;
  /** Where the browser's Direct Line client connects. */
  readonly domain: string;
}

/** Hands a browser a Direct Line token for one chat user; the Direct Line secret never leaves the server. */
export interface WebChatTokens {
  issue(userId: string, locale: string, botOrigin: string): Promise<WebChatSession>;
}

/** The embedded default: energobot's own Direct Line relay. */
export function relayTokens(relay: DirectLineRelay): WebChatTokens {
  return {
    async issue(userId, locale, botOrigin) {
      return { token: relay.issueToken(userId, locale).token, domain: `${botOrigin}/v3/directline` };
    },
  };
}

const generatedToken = z.object({ token: z.string().min(1), conversationId: z.string().optional() });

/** Production: Azure Bot Service's Direct Line, exchanging the secret for a per-user token. */
export function directLineTokens(secret: string, endpoint: string): WebChatTokens {
  return {
    async issue(userId) {
      const response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
      });
      if (!response.ok) throw new Error(`Direct Line token: HTTP ${response.status}`);
      const { token } = generatedToken.parse(await response.json());
      return { token, domain: `${endpoint}/v3/directline` };
    },
  };
}
