import { escapeHtml } from '../../../core/kernel/html';
import type { Localizer } from '../../../core/kernel/localizer';
import { text, words, type Text } from '../../../core/kernel/text';
import type { PhotographedSubmission } from '../../../core/features/readings/ports';
import { readingsBody } from './desk-readings-page';
import { noticesBody } from './desk-notices-page';
import type { NoticesView } from './desk-notices-view';
import { cannedBody, type CannedView } from './desk-canned-page';
import { csrfField, type Say } from './desk-html';
import { queueBody, type QueueView } from './desk-queue-page';
import { html, type Viewer } from './desk-session';
import type { Response } from 'restify';
import { freshHref } from './desk-queue-query';
import { statsBody, type StatsView } from './desk-stats-page';
import { threadBody, type ThreadView } from './desk-thread-page';
import { liveChatBody, liveQueueBody, liveQueueRefreshSeconds, type LiveChatView, type LiveQueueView, type LiveViewer } from './desk-live-page';

/** How often the queue reloads itself, in seconds: new appeals show without a script. */
const queueRefreshSeconds = 60;

const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
header{background:#00589c;color:#fff;padding:10px 20px;display:flex;flex-wrap:wrap;gap:6px 20px;justify-content:space-between;align-items:center}
header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline;padding:0}
header nav{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}header nav a{white-space:nowrap}header nav a.fresh{font-weight:600;background:#ffd54f;color:#1d2733;padding:2px 8px;border-radius:10px;text-decoration:none}
main{max-width:1040px;margin:20px auto;background:#fff;padding:20px;box-shadow:0 0 12px rgba(0,0,0,.08)}h1{margin-top:0;font-size:1.6em}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:8px;border-bottom:1px solid #e3e7eb;vertical-align:top}
table.facts th{width:30%;font-weight:600}table.queue{min-width:900px}table.queue td.number,table.queue td.nowrap{white-space:nowrap}table.stats{max-width:420px}table.stats td{text-align:right;white-space:nowrap}
.message{border-left:4px solid #c9d3dc;padding:8px 12px;margin:12px 0;white-space:pre-wrap}
.message.operator{border-color:#00589c;background:#eef5fb}.message.note{border-color:#e0a800;background:#fff6d6}
textarea{width:100%;min-height:140px;font:inherit;box-sizing:border-box}textarea.short{min-height:70px}
button{font:inherit;padding:6px 12px;cursor:pointer}button.primary{background:#00589c;color:#fff;border:0;padding:8px 16px;border-radius:6px}
.files{margin:6px 0 0;padding-left:18px}.error{color:#b00020}label{display:block;margin:10px 0 4px}input{font:inherit;padding:6px;width:280px}
select{font:inherit;padding:6px}input{box-sizing:border-box;max-width:100%}input.wide{width:100%;max-width:640px}input[type=checkbox]{width:auto;margin:0 6px 0 0}
section{border-top:1px solid #e3e7eb;margin-top:16px;padding-top:4px}form.inline{display:inline}section.actions{padding-top:12px}
.scroll{overflow-x:auto}.badge{display:inline-block;background:#ffd54f;color:#1d2733;border-radius:10px;padding:1px 8px;font-size:.85em;white-space:nowrap}
form.filters{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:flex-end;margin-bottom:12px}form.filters .search{flex:1 1 100%}form.filters .check label{margin-bottom:10px}
.pager{margin-top:12px}.pager a{margin-right:16px}.shown{color:#4a5868}.columns{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}.columns table{flex:1 1 300px}
.figure{font-size:1.15em}td.text{white-space:pre-wrap}td.actions{white-space:nowrap}form.canned select{max-width:100%}
.message.customer{background:#f8fafb}#live-messages .files{list-style:none;padding-left:0}table.live-queue td.nowrap{white-space:nowrap}img.thumb{display:block;max-width:min(240px,100%);max-height:180px;margin:6px 0 2px;border-radius:4px;border:1px solid #e3e7eb}`;

/** The desk speaks Russian: it is the supplier's own tool. */
export class DeskPages {
  constructor(private readonly localizer: Localizer) {}

  private say(message: Text): string {
    return escapeHtml(this.localizer.format('ru', message));
  }

  /** `say` as the page bodies are given it. */
  private readonly says: Say = (message) => this.say(message);

  /** A whole page; for an operator at work, its title starts with the count of new appeals, as a browser's tab shows it. */
  private page(title: Text, body: string, options: { readonly viewer?: Viewer; readonly refresh?: string } = {}): string {
    const fresh = options.viewer?.fresh ?? 0;
    const heading = fresh > 0 ? text('desk-page-title-fresh', { count: fresh, title: words(title) }) : title;
    const refresh = options.refresh ? `<meta http-equiv="refresh" content="${escapeHtml(options.refresh)}">` : '';
    return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${this.say(heading)}</title>
<style>
${style}
</style></head><body>${body}</body></html>`;
  }

  signIn(error?: Text): string {
    return this.page(
      text('desk-title'),
      `<main><h1>${this.say(text('desk-sign-in-title'))}</h1>${error ? `<p class="error" role="alert">${this.say(error)}</p>` : ''}
<form method="post" action="/desk/sign-in"><label for="login">${this.say(text('desk-login'))}</label><input id="login" name="login" autocomplete="username" required>
<label for="password">${this.say(text('desk-password'))}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button class="primary" type="submit">${this.say(text('desk-sign-in'))}</button></p></form></main>`,
    );
  }

  /** A handed-out password is changed before anything else: the header offers nothing but signing out. */
  newPassword(login: string, csrf: string, error?: Text): string {
    return this.page(
      text('desk-title'),
      `${this.header({ login, csrf })}<main><h1>${this.say(text('desk-new-password-title'))}</h1>${error ? `<p class="error" role="alert">${this.say(error)}</p>` : ''}
<form method="post" action="/desk/password"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="current">${this.say(text('desk-current-password'))}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="password">${this.say(text('desk-new-password'))}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
<p><button class="primary" type="submit">${this.say(text('desk-save'))}</button></p></form></main>`,
    );
  }

  /** The queue: the search, the filters, a page of appeals (see `queueBody`); it refreshes itself, so the header's count and the list stay current. */
  queue(viewer: Viewer, view: QueueView): string {
    return this.page(text('desk-title'), `${this.header(viewer)}${queueBody(this.says, view)}`, { viewer, refresh: String(queueRefreshSeconds) });
  }

  /** An appeal's page (see `threadBody`). */
  thread(viewer: Viewer, view: ThreadView): string {
    return this.page(text('desk-thread-title', { number: view.appeal.number }), `${this.header(viewer)}${threadBody(this.says, viewer, view)}`, { viewer });
  }

  canned(viewer: Viewer, view: CannedView): string {
    return this.page(text('desk-canned-title'), `${this.header(viewer)}${cannedBody(this.says, viewer.csrf, view)}`, { viewer });
  }

  stats(viewer: Viewer, view: StatsView): string {
    return this.page(text('desk-stats-title'), `${this.header(viewer)}${statsBody(this.says, view)}`, { viewer });
  }

  /** «Чат с клиентами» (see `liveQueueBody`): it reloads itself, always as `/desk/live` (a refused take is answered at the take's address). */
  liveQueue(viewer: LiveViewer, view: LiveQueueView): string {
    return this.page(text('desk-live-title'), `${this.header(viewer)}${liveQueueBody(this.says, viewer, view)}`, {
      viewer,
      refresh: `${liveQueueRefreshSeconds}; url=/desk/live`,
    });
  }

  /** A conversation with a customer (see `liveChatBody`): never reloaded, its script fetches what is new. */
  liveChat(viewer: LiveViewer, view: LiveChatView): string {
    return this.page(text('desk-live-chat-title', { id: String(view.live.id) }), `${this.header(viewer)}${liveChatBody(this.says, viewer, view)}`, { viewer });
  }

  /** No such appeal or file. */
  notFound(viewer: Viewer, what: Text): string {
    return this.page(
      text('desk-title'),
      `${this.header(viewer)}<main><p><a href="/desk">${this.say(text('desk-back'))}</a></p><h1>${this.say(what)}</h1></main>`,
      {
        viewer,
      },
    );
  }

  /** The readings sent with meter photos (see `readingsBody`). */
  readings(viewer: Viewer, account: string | null, submissions: readonly PhotographedSubmission[]): string {
    return this.page(text('desk-title'), `${this.header(viewer)}${readingsBody(this.says, account, submissions)}`, { viewer });
  }

  /** The interruptions and reminders told to the chats (see `noticesBody`). */
  notices(viewer: Viewer, view: NoticesView): string {
    return this.page(text('desk-notices-title'), `${this.header(viewer)}${noticesBody(this.says, viewer.csrf, view)}`, { viewer });
  }

  /** The desk's header: for an operator at work, the pages and the count of new appeals (a link to them), and of customers waiting in the chat where it is known. */
  private header(viewer: Viewer & { readonly waiting?: number }): string {
    const { waiting } = viewer;
    const live = waiting === undefined ? text('desk-live-nav') : text('desk-live-nav-count', { count: waiting });
    const nav =
      viewer.fresh === undefined
        ? ''
        : `<nav><a href="/desk">${this.say(text('desk-nav-queue'))}</a><a href="${escapeHtml(freshHref)}"${viewer.fresh > 0 ? ' class="fresh"' : ''}>${this.say(text('desk-nav-fresh', { count: viewer.fresh }))}</a><a href="/desk/live"${(waiting ?? 0) > 0 ? ' class="fresh"' : ''}>${this.say(live)}</a><a href="/desk/canned">${this.say(text('desk-nav-canned'))}</a><a href="/desk/stats">${this.say(text('desk-nav-stats'))}</a><a href="/desk/readings">${this.say(text('desk-readings-link'))}</a><a href="/desk/notices">${this.say(text('desk-notices-link'))}</a></nav>`;
    return `<header><strong>${this.say(text('desk-title'))}</strong>${nav}<span>${escapeHtml(viewer.login)} <form method="post" action="/desk/sign-out" class="inline">${csrfField(viewer.csrf)}<button type="submit">${this.say(text('desk-sign-out'))}</button></form></span></header>`;
  }
}

/** A form posted without a session (or with another page's token): the sign-in form, with why. */
export function expired(res: Response, pages: DeskPages): void {
  html(res, 403, pages.signIn(text('desk-session-expired')));
}
