import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import { isLocale, type Locale } from '../../core/kernel/locale';
import type { ChatIdentities, LinkOutcome } from '../../core/features/linking/ports';
import type { PushRecipients } from '../../core/features/outbox/ports';
import type { LinkedChat, LinkVia } from '../../core/features/accounts/account-settings';
import { AccountLink, ChatIdentity, ReminderSubscription } from '../entities';
import { dateColumn, plainQueryOf } from '../plain-query';

const byChat = (chat: ChatAddress) => ({ channel: chat.channel, externalId: chat.id });

export class SqlChatIdentities implements ChatIdentities, PushRecipients {
  constructor(private readonly orm: MikroORM) {}

  async locale(chat: ChatAddress): Promise<Locale | null> {
    const [row] = await plainQueryOf(this.orm).rows('select locale from chat_identity where channel = ? and external_id = ?', [chat.channel, chat.id]);
    const locale = row?.['locale'];
    return typeof locale === 'string' && isLocale(locale) ? locale : null;
  }

  async setLocale(chat: ChatAddress, locale: Locale): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ChatIdentity, { id: await this.identityId(chat) }, { locale });
  }

  /** Read by nearly every update (the menu names the active account): plain rows, no entities built. */
  async linkedAccounts(chat: ChatAddress): Promise<AccountNumber[]> {
    const rows = await plainQueryOf(this.orm).rows(
      'select l.account_number from account_link l join chat_identity c on c.id = l.identity_id where c.channel = ? and c.external_id = ? order by l.chosen_at desc, l.id desc',
      [chat.channel, chat.id],
    );
    return rows.map((row) => row['account_number'] as AccountNumber);
  }

  /**
   * No transaction: a chat's turns run one at a time (the chat lock), and only they link it, so
   * nothing adds a link to this chat between the count and the insert. The unique (identity,
   * account) still refuses a second link of one account.
   */
  async link(
    chat: ChatAddress,
    account: AccountNumber,
    { consentAt, at, maxAccounts, via }: { consentAt: Date; at: Date; maxAccounts: number; via: LinkVia },
  ): Promise<LinkOutcome> {
    const rows = await plainQueryOf(this.orm).rows(
      'select c.id, l.account_number, l.chosen_at from chat_identity c left join account_link l on l.identity_id = c.id where c.channel = ? and c.external_id = ?',
      [chat.channel, chat.id],
    );
    const identity = rows[0] ? Number(rows[0]['id']) : await this.newIdentity(chat);
    const links = rows
      .filter((row) => row['account_number'] !== null)
      .map((row) => ({ account: row['account_number'], chosenAt: dateColumn(row['chosen_at']) }));
    const chosenAt = latestChoice(links, at);
    const em = this.orm.em.fork();
    if (links.some((link) => link.account === account)) {
      await em.nativeUpdate(AccountLink, { identity, account }, { chosenAt });
      return 'already-linked';
    }
    if (links.length >= maxAccounts) return 'too-many-accounts';
    try {
      await em.insert(AccountLink, { identity, account, consentAt, linkedAt: at, chosenAt, via });
      return 'linked';
    } catch (error) {
      // Two deliveries of the same answer raced; the unique (identity, account) let one through.
      if (error instanceof UniqueConstraintViolationException) return 'already-linked';
      throw error;
    }
  }

  /** The chat's identity's id, made on first need. */
  private async identityId(chat: ChatAddress): Promise<number> {
    return (await this.existingIdentity(chat)) ?? this.newIdentity(chat);
  }

  private async existingIdentity(chat: ChatAddress): Promise<number | undefined> {
    const [row] = await plainQueryOf(this.orm).rows('select id from chat_identity where channel = ? and external_id = ?', [chat.channel, chat.id]);
    return row ? Number(row['id']) : undefined;
  }

  /** Not inside a transaction: a unique violation there would abort it on PostgreSQL. */
  private async newIdentity(chat: ChatAddress): Promise<number> {
    try {
      return Number(await this.orm.em.fork().insert(ChatIdentity, { ...byChat(chat), locale: null, createdAt: new Date() }));
    } catch (error) {
      // Made meanwhile by another update of this chat's (another instance): read it back.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return Number(await this.existingIdentity(chat));
    }
  }

  async chatsLinkedTo(account: AccountNumber): Promise<ChatAddress[]> {
    const links = await this.orm.em.fork().find(AccountLink, { account }, { populate: ['identity'], orderBy: { id: 'asc' } });
    return links.flatMap((link) => (isChatChannel(link.identity.channel) ? [{ channel: link.identity.channel, id: link.identity.externalId }] : []));
  }

  /** Where a web chat's browser opened the chat from: its linking attempts count against that. Written only when it moved. */
  async recordOrigin(chat: ChatAddress, origin: string): Promise<void> {
    const [row] = await plainQueryOf(this.orm).rows('select id, origin from chat_identity where channel = ? and external_id = ?', [chat.channel, chat.id]);
    if (row?.['origin'] === origin) return;
    await this.orm.em.fork().nativeUpdate(ChatIdentity, { id: row ? Number(row['id']) : await this.newIdentity(chat) }, { origin });
  }

  /** Bot Framework's address of the chat, kept for messages the bot starts itself. */
  async rememberConversation(chat: ChatAddress, reference: Record<string, unknown>): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ChatIdentity, { id: await this.identityId(chat) }, { conversationReference: reference });
  }

  async conversationOf(chat: ChatAddress): Promise<Record<string, unknown> | null> {
    const identity = await this.orm.em.fork().findOne(ChatIdentity, byChat(chat), { fields: ['conversationReference'] });
    return identity?.conversationReference ?? null;
  }

  async choose(chat: ChatAddress, account: AccountNumber, at: Date): Promise<boolean> {
    const em = this.orm.em.fork();
    const links = await em.find(AccountLink, { identity: byChat(chat) }, { fields: ['chosenAt'] });
    return (await em.nativeUpdate(AccountLink, { identity: byChat(chat), account }, { chosenAt: latestChoice(links, at) })) === 1;
  }

  async unlink(chat: ChatAddress, account: AccountNumber): Promise<boolean> {
    const em = this.orm.em.fork();
    const unlinked = (await em.nativeDelete(AccountLink, { identity: byChat(chat), account })) === 1;
    // What the chat asked for of the account goes with the link: linked again, it is reminded of nothing until it asks.
    await em.nativeDelete(ReminderSubscription, { channel: chat.channel, chatId: chat.id, account });
    return unlinked;
  }

  async linksOf(account: AccountNumber): Promise<LinkedChat[]> {
    const links = await this.orm.em.fork().find(AccountLink, { account }, { populate: ['identity'], orderBy: { linkedAt: 'asc', id: 'asc' } });
    return links.flatMap((link) =>
      isChatChannel(link.identity.channel)
        ? [
            {
              chat: { channel: link.identity.channel, id: link.identity.externalId },
              via: link.via === 'invite' ? ('invite' as const) : ('proof' as const),
              linkedAt: link.linkedAt.toISOString(),
            },
          ]
        : [],
    );
  }
}

/** The active account is the latest chosen: a choice is made later than every earlier one, even within the same millisecond. */
function latestChoice(links: readonly { chosenAt: Date }[], at: Date): Date {
  const latest = Math.max(0, ...links.map((link) => link.chosenAt.getTime()));
  return new Date(Math.max(at.getTime(), latest + 1));
}
