# energobot — customer texts in English. Every key here also exists in ru.ftl.

-supplier = Energosbyt
-bot = energobot

## Main menu and common answers

start-greeting =
    Hello! I am { -bot }, { -supplier }'s assistant in chat.
    You can send meter readings here, and once your account is linked, check its balance and details.
help-text =
    I can:
    { $tasks }
    At any point: /menu for the menu, /cancel to drop what you started. You can also write in your own words: "send readings", "how much do I owe", "pay".
menu-not-linked = What would you like to do?
menu-linked = Account { $account }. What would you like to do?
cancelled = Cancelled.
not-understood = I did not understand that. Did you mean one of these?
flow-restarted = The bot has been updated and what you started had to start over. I am sorry: what you entered before is not kept.
flow-updated = The bot has been updated. Everything you entered is kept: let us go on from the question that changed.
flow-continued = Let us continue where you stopped.
resume-button = ↩ Continue: { $task }
resume-offer = What you started is kept: you can continue it.
question-closed = This question is closed.
message-too-long = That message is too long: I read messages of up to { $max } characters. Please write it shorter; I remember where we were.
not-text = { $what ->
    [photo] I take photos in appeals (“Write an appeal”) and with readings (“Send meter readings”): attach it there.
    [sticker] Thanks for the sticker! But I understand only text and buttons.
    [voice] I can't listen to voice messages yet.
    [video] I can't watch videos yet.
    [location] I don't need a location: everything goes by the account number.
    [contact] I don't need a contact: everything goes by the account number.
   *[other] I take files in appeals: “Write an appeal”, and attach it there.
  } Choose an action from the menu or write what you need.
menu-more = More actions:
# «Ещё…» is paged (issue 27): the way back to the page before.
menu-more-back = Back
service-unavailable = I can't process your message right now. It is kept: I will answer as soon as I can, or try again in a few minutes.
update-reply-refused = The answer to this message could not be sent, and the error has been passed to our specialists. What was done is kept: choose an action in the menu or write what you need.
update-set-aside = I could not process that message, and the error has been passed on to our specialists. We are where we were before it: try putting it another way, or choose an action in the menu.
private-chats-only = I only work in private chats: there nobody but you sees your account, address and readings. In groups and channels I do nothing.
private-chat-open = Message the bot privately
answer-expected-typed = Please type your answer as a message.
answer-expected-button = Please choose one of the options on the buttons.
answer-yes = Yes
answer-no = No

action-start = Start
action-menu = Menu
action-help = What the bot can do
action-cancel = Cancel
action-more = More…

help-help = • tell what I can do (/help).

# Words by which free text leads to a task: word stems separated by "|"; "*" marks a whole word.
intent-start = hello | hi* | hey* | good morning | good afternoon | good evening | greetings | start*
intent-menu = menu | main menu | what next
intent-help = help | what can you do | commands | how does this work | how to use
intent-cancel = cancel | stop* | never mind | quit

## link-account

action-link = Link an account
help-link = • link this chat to your account: you need the account number and the amount of any payment from the last year (/link);
intent-link = link | link my account | link an account | connect my account | add account | add an account | log in | login | sign in | register

link-ask-number = Enter your account number: 12 digits, printed on your receipt. For example: 1000 0000 0001.
link-number-not-typed = Please type the account number in digits, for example: 1000 0000 0001.
account-number-empty = No account number given. Enter 12 digits, for example: { $example }.
account-number-not-digits = An account number has digits only (spaces and dashes are fine). For example: { $example }.
account-number-wrong-length = An account number has 12 digits; this one has { $digits }. Check it on your receipt, for example: { $example }.
link-confirm-address =
    The address on this account: { $address }
    Is this your address?
link-address-rejected = Please check the account number on your receipt and enter it again.
link-already = Account { $account } is already linked to this chat.
link-ask-consent =
    To link the account, please accept { -supplier }'s digital services agreement and consent to the processing of your personal data.
    Your consent is recorded with its date and time.
link-consent-agree = I accept and consent
link-consent-decline = I do not consent
link-consent-declined = The account cannot be linked without your consent. You can come back to this at any time.
link-ask-amount =
    Enter the amount of any payment to this account from the last 12 months, to the kopeck, as on your receipt. For example: 1 543.20.
    The payment must have been made yesterday or earlier: payments take a day to post.
amount-empty = No amount given. Enter the payment amount, for example: { $example }.
amount-not-typed = Please type the amount in digits, for example: 1 543,20.
amount-not-a-number = I could not read that amount. Enter it in digits, for example: { $example }.
amount-not-positive = A payment amount must be above zero. For example: { $example }.
amount-too-precise = An amount has at most two decimal places (kopecks). For example: { $example }.
amount-too-large = That is too large for an electricity payment. Please check it, for example: { $example }.
link-not-matched =
    We could not confirm these details: please check the account number and the payment amount.
    { $remaining ->
        [one] { $remaining } attempt left.
       *[other] { $remaining } attempts left.
    }
link-paused = Too many failed attempts. Linking is paused until { $until } (Moscow time).
link-wait = Checking is paused for a little while: there were many failed attempts on this account or from your internet address lately, perhaps not yours. Please try again after { $until } (Moscow time).
link-too-many = At most { $max } accounts can be linked to one chat. Unlink one of them to add another.
link-done = Done! Account { $account } is now linked to this chat.
link-done-active = Done! Account { $account } is now linked to this chat and is the active one: everything you do goes to it. Switch accounts under “My accounts”.
link-management-off = Account { $account } is linked to another chat, and its owner does not allow managing it from another chat (the “Account management” setting). Ask the owner to send you an invite: “My accounts” → “Who is linked” → “Invite”.

mail-link-subject = Account { $account } was linked to a chat
mail-link-body =
    Hello,

    On { $at } (Moscow time) account { $account } was linked to a chat { $channel ->
        [telegram] in Telegram
       *[webchat] on the website
    } through { -bot }.

    If this was not you, unlink the chat or contact { -supplier }.

    This message was sent automatically; there is no need to reply.

mail-link-failed-subject = An attempt to link account { $account } to a chat
mail-link-failed-body =
    Hello!

    On { $at } (Moscow time) someone tried to link account { $account } to a chat through { -bot }, but did not prove it with a payment amount.

    If it was you, simply try again. If not, there is nothing to do: an account is never linked without the proof, and chats already linked work as before.

    This message comes at most once a day. It was sent automatically; please do not reply to it.

## account-info

action-info = Account information
help-info = • show your account information: address, balance, debt from earlier periods (/info);
intent-info = balance | how much do i owe | how much i owe | owe | debt | account info | my account | account details | credit

info-title = Account { $account }{ $demo ->
    [yes] {" "}(demo)
   *[no] {""}
}
info-address = Address
info-phone = Phone
info-residents = Registered residents
info-residents-value = { $residents }
info-seasonality = Seasonality factor
info-seasonality-value = { NUMBER($factor, minimumFractionDigits: 2) }
info-social-norm = Social norm
info-social-norm-value = { $norm ->
    [none] none in this region
   *[other] { $norm } kWh a month
}
info-balance = Balance
info-balance-value = { $state ->
    [debt] { $balance } to pay
    [credit] { $balance } in credit
   *[zero] { $balance }, nothing owed
}
info-earlier-debt = { $state ->
    [debt] Of which debt from earlier periods
   *[other] Debt from earlier periods
}
info-payment-pending = The payment of { $amount } on { $at } went through and posts within a day: the balance does not show it yet.
info-not-linked = This chat is not linked to an account yet. Link one to see its information.
info-unavailable = Account information is unavailable right now. Please try again later.
billing-unavailable = The supplier's billing is not answering right now, so I cannot answer this. Please try again in a few minutes.
billing-as-of = These are the figures as of { $at }: the supplier's billing is not answering right now, and they may have changed since.

## unlink-account

action-unlink = Unlink the account
help-unlink = • unlink the account from this chat (/unlink);
intent-unlink = unlink | disconnect | remove account | remove my account

unlink-nothing = No account is linked to this chat.
unlink-confirm = Unlink account { $account } from this chat? You can link it again at any time.
unlink-yes = Yes, unlink
unlink-kept = All right, the account stays linked.
unlink-done = Account { $account } is unlinked from this chat.
unlink-done-active = Account { $account } is unlinked from this chat. The active account is now { $active }.


## accounts

action-accounts = My accounts
help-accounts = • show my accounts, switch to another, add or remove one (/accounts);
intent-accounts = my accounts | list of accounts | switch account | change account | another account | second account
action-settings = Settings
help-settings = • account settings: readings without linking, management from another chat, e-mail, e-receipt (/settings);
intent-settings = settings | account settings | preferences | change email
action-chats = Who is linked
help-chats = • show which chats are linked to the account, revoke one or invite a family member (/chats);
intent-chats = who is linked | linked chats | revoke access | invite | invitation

accounts-none = No account is linked to this chat.
accounts-list =
    Your accounts ({ $count } of 10):
    { $rows }
    Everything you do goes to the active account.
accounts-row-active = ✓ { $account } — { $address }, { $balance } (active)
accounts-row = • { $account } — { $address }, { $balance }
accounts-switch = Go to account { $account }
accounts-add = Add an account
accounts-remove = Remove an account from the list
accounts-remove-which = Which account should be removed from this chat's list?
accounts-number = Account { $account }
accounts-switched = The active account is { $account }: everything now goes to it.
accounts-not-linked = Account { $account } is not linked to this chat.

chats-via-proof = by payment
chats-via-invite = by invite
chats-row = • { $channel } { $chat }, since { $at }, { $via }
chats-row-here = • { $channel } { $chat }, since { $at }, { $via }: this chat
chats-list =
    Chats linked to account { $account }:
    { $rows }
chats-read-only = This chat was linked by an invite: only the owner (the chat linked by payment) can revoke access and change settings.
chats-revoke = Revoke access: { $channel } { $chat }
chats-invite = Invite someone of the household
chats-revoke-confirm = Revoke the access of { $channel } { $chat } to account { $account }? That chat will be told.
chats-revoke-yes = Yes, revoke
chats-revoke-kept = All right, the access stays.
chats-revoke-gone = { $channel } { $chat } is no longer linked to account { $account }.
chats-revoked = The access of { $channel } { $chat } to account { $account } is revoked.{ $mailed ->
    [yes] {" "}A letter about it went to your mailbox { $email }.
   *[no] {""}
}
chats-invite-made =
    An invite to account { $account }: send the link to the person you invite. It works until { $until } and only once; you remain the owner by payment.
    { $links }
chats-invite-telegram = Telegram: { $url }
chats-invite-max = MAX: { $url }
chats-invite-web-chat = Web chat on the site: { $url }
chats-back = Who is linked
push-link-revoked = The owner of account { $account } has revoked this chat's access to it. To work with it again, link it by a payment or ask for an invite.
mail-link-revoked-subject = Access to account { $account } revoked
mail-link-revoked-body =
    Hello!

    At { $at } the access of { $channel } { $chat } to account { $account } was revoked from the owner's chat.

    If this was not you, open the chat and check “Who is linked”.
invite-unknown = The invite link was not found: it may have been copied only in part. Ask the account's owner for a new one.
invite-expired = The invite has expired: invites work for 24 hours. Ask the account's owner for a new one.
invite-used = This invite has been used already: each works once. Ask the account's owner for a new one.
invite-void = This link no longer works: whoever invited you has unlinked the account from their chat. Ask for a new link, or link the account yourself.
invite-ask-consent =
    You are invited to account { $account }, address: { $address }.
    To work with the account in this chat, accept the terms of the digital services and consent to the processing of personal data.
push-invite-taken = The invite was accepted: chat { $chat } is linked to account { $account }. You can revoke its access under “Who is linked”.

settings-title = Settings of account { $account }
settings-readings-value = { $allowed ->
    [on] on
   *[off] off
  }
settings-management-value = { $allowed ->
    [on] on
   *[off] off
  }
settings-readings = Readings without linking
settings-readings-pending = { $allowed ->
    [on] on
   *[off] off
  }; { $next ->
    [on] on
   *[off] off
  } from { $from }
settings-management = Management from another chat
settings-email = Account e-mail
settings-email-none = none
settings-read-only = This chat was linked by an invite: only the owner (the chat linked by payment) can change settings.
settings-ask = What should be changed?
settings-readings-turn-off = Forbid readings without linking
settings-readings-turn-on = Allow readings without linking
settings-management-turn-off = Forbid management from another chat
settings-management-turn-on = Allow management from another chat
settings-email-change = Change the e-mail
settings-readings-changes = The change takes effect within 24 hours: from { $from } readings without linking will be { $allowed ->
    [on] allowed
   *[off] forbidden
  }.
settings-readings-kept = Readings without linking stay { $allowed ->
    [on] allowed
   *[off] forbidden
  }; the change is cancelled.
settings-management-set = { $allowed ->
    [on] Management from another chat is allowed: the account can be linked in another chat by a payment.
   *[off] Management from another chat is forbidden: other chats can link the account only by your invite. Chats linked already stay; you can revoke them under “Who is linked”.
  }
settings-email-ask = Type the account's new e-mail, for example: ivanova@mail.ru. A letter with a link will go there: the address changes only once you follow it.
settings-email-same = That is the address already given. Type another one.
settings-email-link-sent = A letter with a link has been sent to { $email }. Follow it within 24 hours: without that the e-mail does not change.
settings-email-changed = The e-mail of account { $account } is now { $email }. The old address has been told.
mail-account-email-subject = Confirm the new e-mail of account { $account }
mail-account-email-body =
    Hello!

    Someone asked in the chat to make this address the e-mail of account { $account }. To confirm, follow the link (it works for 24 hours, once):
    { $url }

    If you asked for nothing, do not follow the link: nothing will change.
mail-email-changed-subject = The e-mail of account { $account } has changed
mail-email-changed-body =
    Hello!

    The e-mail of account { $account } is now { $email }. Letters about the account go there from now on.

    If this was not you, contact { -supplier }.

## language

action-language = Язык / Language
help-language = • change the language (/language);
intent-language = language | russian | русский | english* | change language

language-ask = Выберите язык / Choose your language
language-ru = Русский
language-en = English
language-changed = Language changed: English.

## webchat

webchat-title = { -supplier } customer chat
webchat-language-link = In English
webchat-unavailable = The chat is unavailable right now. Please reload the page in a minute.
webchat-noscript = The chat needs JavaScript turned on.

## submit-readings

action-readings = Send meter readings
help-readings = • take your meter readings, for the linked account or for any account number (/readings);
intent-readings = reading | meter | submit read | send read | kwh

zone-single = reading
zone-day = day
zone-night = night
zone-peak = peak
zone-semiPeak = half-peak
readings-without-link = You can send readings without linking this chat: you will need the account number.
readings-not-matched =
    No such account: please check the number on your receipt.
    { $remaining ->
        [one] { $remaining } attempt left.
       *[other] { $remaining } attempts left.
    }
readings-paused = Too many wrong account numbers. Readings without linking can be sent again after { $until } (Moscow time); for a linked account, at any time.
readings-without-link-off = The owner of this account does not allow readings without linking. Link the account to send them.
readings-period-closed = The readings for { $period } have already been used for billing and cannot change. The next readings can be sent from the 1st, for { $next }.
readings-no-meters = This account has no meters that take readings.
readings-ask =
    Account { $account }, meter { $meter }, { $zone }.
    { $history }
    Enter the reading as a whole number, as the meter shows it, without the digits after the point.
readings-not-typed = I can't read this kind of message. Please type the digits the meter shows. You can send a photo of the meter too: it will be attached to the readings.
## Meter photos with readings (issue 27)
readings-photo-kept = { $count ->
    [1] Photo saved; it will be attached to the readings.
   *[other] Photos saved: { $count }; they will be attached to the readings.
} { readings-photo-ask-digits }
readings-photo-ask-digits = { $single ->
    [yes] Please type the reading of meter { $meter } in digits, for example 12345.
   *[no] Please type the reading of meter { $meter } (zone “{ $zone }”) in digits, for example 12345.
}
readings-photo-refused = The file “{ $name }” is not saved: { $reason }
readings-photo-not-picture = it is not a photo. The readings take a photo of the meter: JPEG, PNG, WebP or GIF.
readings-photo-too-many = At most { $max } photos can be attached to the readings; not saved: { $left }.
readings-summary-photos = Meter photos: { $count }
readings-pay-this-account = Pay the bill for this account
readings-previous = Last accepted reading: { $previous } kWh ({ $at }).
readings-no-previous = No accepted readings yet.
readings-already-sent = { $submitted } was already sent this month; the new value replaces it.
readings-ask-consent = To send readings, please consent to the processing of your personal data and accept { -supplier }'s digital services agreement.
readings-consent-declined = Readings cannot be taken without your consent. You can come back to this at any time.
reading-not-whole = A reading is a whole number of kWh as the meter shows it: no decimals, no letters. For example: { $example }.
reading-too-many-digits = This meter shows { $digits } whole digits; a reading cannot have more. Please check it.
reading-below-previous = { $value } is below the last accepted reading ({ $previous }). Please check it and enter it again.
reading-confirm-rollover = { $value } is below the last accepted reading ({ $previous }). If the meter reached its maximum and started again from zero, the consumption is { $consumption } kWh. Is that what happened?
reading-confirm-jump = With { $value } the consumption would be { $consumption } kWh, far above the usual ({ $usual } kWh a month). Is it right?
reading-confirm = Yes, it is right
reading-correct = Correct it
readings-summary =
    Please check the readings for account { $account }:
    { $rows }
readings-summary-row = { $meter }, { $zone }: { $value } (consumption { $consumption } kWh)
readings-send = Send
readings-correct = Correct
readings-saved = { $replaced ->
    [yes] Readings accepted on { $at }; they replace the ones sent earlier this month.
   *[no] Readings accepted on { $at }.
}
readings-offer-mail = Send a confirmation to { $email }?
readings-mail-yes = Yes, send it
readings-mail-no = No, thanks
readings-mail-sent = Confirmation sent to { $email }.
readings-kept = The readings were taken { $at } and will be handed over to billing as soon as it answers: it is unavailable right now. I will tell you here how it went.
readings-refused-closed = the readings for { $period } have already been used for billing.
readings-refused-by-billing = Billing did not accept the readings: { $reason }
readings-refused-unknown-meter = Billing did not accept the readings: the meter is no longer on this account. Open «Submit readings» again to see the account's meters.

mail-readings-subject = Readings for account { $account } accepted
mail-readings-body =
    Hello,

    On { $at } (Moscow time) these readings for account { $account } were sent through { -bot }:
    { $rows }

    This message was sent automatically; there is no need to reply.

## readings-history

action-history = Readings history
help-history = • show the readings history with a consumption chart (/history);
intent-history = readings history | reading history | past readings | previous readings | chart | consumption | usage

channel-bank = bank
channel-site = website
channel-app = mobile app
channel-eReceipt = e-receipt
channel-office = service centre
channel-telegram = Telegram
channel-max = MAX
channel-webchat = web chat
channel-other = { $channel }
history-not-linked = Readings history is for a linked account. Link your account to see it.
history-ask-period = For which period should I show the readings history of account { $account }?
history-last-6 = Last 6 months
history-last-12 = Last 12 months
history-all = Since January 2015
history-custom = Choose a period
history-ask-range = Enter the first and the last month with the year, for example: { $example }.
period-format = I could not read that period. Enter the first and the last month with the year, for example: { $example }.
period-too-early = Readings are kept from January 2015. Choose a period from 01.2015 on.
period-in-future = That period has not ended yet. Choose one up to the current month.
period-reversed = The period starts after it ends. For example: { $example }.
history-empty = No readings for { $from }–{ $to }.
chart-title = Consumption, account { $account }, { $from }–{ $to }
chart-unit = kWh
history-chart-caption = Electricity consumption by month, { $from }–{ $to }.
history-page = Readings history of account { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(page { $page } of { $pages })
}
history-column-date = Date
history-column-meter = Meter
history-column-value = Reading
history-column-consumption = kWh
history-column-channel = Channel
history-meter-zone = { $meter }, { $zone }
history-value = { $value }{ $accepted ->
    [yes] {" "}✅
   *[no] {""}
}{ $photo ->
    [yes] {" "}📷
   *[no] {""}
}
history-accepted-note = ✅ — reading used for billing; 📷 — a photo of the meter is attached.
history-more = Show more
history-csv = Download CSV
history-done = Done
history-csv-caption = Readings history for { $from }–{ $to } as CSV.
csv-header = Meter;Zone;Period;Sent on;Channel;Reading;Consumption, kWh;Used for billing
csv-date = { $at }

## pushes

push-readings-accepted = Readings of account { $account } for { $period } have been used for billing ✅
push-readings-handed-over = The readings of account { $account } for { $period } have been handed over to billing.
push-readings-refused = Billing did not accept the readings of account { $account } for { $period }: { $reason }

## interruptions of supply (issue 29)
push-interruption-planned =
    ⚡ Planned power cut: { $area }.
    From { $from } to { $until }. Reason: { $reason }.
push-interruption-emergency =
    ⚡ Emergency power cut: { $area }.
    Since { $from }; power is expected back by { $until }. Reason: { $reason }.
push-interruption-until = ⚡ Power cut ({ $area }): power is now expected back by { $until }.
push-interruption-ended = ✅ Power is back ({ $area }), { $at }.
push-payment-posted = The payment of { $amount } made on { $at } has been posted to account { $account }.
push-account-changed =
    The details of account { $account } have changed:
    { $changes }
push-account-changed-address = • address: { $address }
push-account-changed-email = • e-mail: { $email }
push-account-changed-email-none = • e-mail: no longer given

## charges-and-payments

action-charges = Charges and payments
action-payments = Payment history
help-charges = • show charges and payments month by month (/charges);
help-payments = • show the payment history (/payments);
intent-charges = charges | bill* | bills* | statement | invoice | what was charged
intent-payments = payment history | my payments | payments* | past payments | when did i pay | paid* | my payment | where is my payment | payment went

statements-not-linked = Charges and payments are shown for a linked account. Link your account to see them.
charges-ask-period = For which period should I show charges and payments of account { $account }?
payments-ask-period = For which period should I show the payment history of account { $account }?
charges-empty = No charges for { $from }–{ $to }.
payments-empty = No payments for { $from }–{ $to }.
charges-page = Charges and payments of account { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(page { $page } of { $pages })
}
charges-column-month = Month
charges-column-opening = Opening balance
charges-column-charged = Charged
charges-column-paid = Paid
charges-column-closing = Closing balance
balance-value = { $state ->
    [debt] { $amount } owed
    [credit] { $amount } in credit
   *[zero] { $amount }
}
payment-cell = { $amount } ({ $at }, { $source })
payments-page = Payment history of account { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(page { $page } of { $pages })
}
payments-column-date = Date
payments-column-amount = Amount
payments-column-source = Source
charges-csv-header = Year;Month;Opening balance (owed);Charged;Payment date;Payment amount;Closing balance (owed);Payment source
payments-csv-header = Payment date;Payment amount;Payment source
charges-csv-caption = Charges and payments for { $from }–{ $to } as CSV.
payments-csv-caption = Payment history for { $from }–{ $to } as CSV.

## receipts

action-receipts = Receipts
action-monthly = Receipt every month
help-monthly = • send the receipt here every month, or stop (/monthly);
help-receipts = • send the receipt of any month as a PDF with a QR code to pay (/receipts);
intent-receipts = receipt* | bill pdf | pdf | payment slip | get my bill | didnt get bill | did not get bill | send my bill | where is my bill
intent-monthly = every month | monthly receipt* | send the receipt here | receipt every month

receipts-not-linked = Receipts are available for a linked account. Link your account to get them.
receipts-ask = Receipt for account { $account }: choose a month or type it, for example: { $example } or “October 2026”.
receipts-month = { $period }
receipts-other-month = Another month
receipts-not-typed = Type the month in digits, for example: { $example }, or choose it on a button.
month-format = I could not read the month. Type it like this: { $example } or “October 2026”.
receipts-too-early = Receipts are kept from January 2015; there is no receipt for { $period }.
receipts-not-billed = The receipt for { $period } has not been issued yet: the latest is for { $last }.
receipts-not-electronic = The archive has no receipt for { $period }: it keeps every receipt up to { $paperUntil }, and from May 2020 only those received electronically (the e-receipt service). Available: { $available }.
receipts-missing = The account has no charges for { $period }, so there is no receipt for that month.
receipt-caption = Receipt for account { $account }, { $period }: charged { $charged }, to pay { $total } by { $due }.
monthly-receipt-turn-on = Send it here every month
monthly-receipt-turn-off = Stop sending it every month
monthly-receipt-on = The receipt for account { $account } will come to this chat every month, as soon as it is issued.
monthly-receipt-off = The receipt for account { $account } does not come to this chat by itself. You can always ask for it under “Receipts”.
push-monthly-receipt =
    The receipt for { $period } has been issued.
    { $summary }

receipt-title = Electricity receipt for { $period }
receipt-supplier = Supplier
receipt-supplier-details = INN { $inn }, KPP { $kpp }, account { $bankAccount } at { $bankName }, BIC { $bic }, corr. account { $correspondentAccount }
receipt-supplier-contacts = { $address }, tel. { $phone }
receipt-payer = Payer
receipt-account = Account
receipt-address = Address
receipt-residents = Registered residents
receipt-period = Billing period
receipt-column-meter = Meter, zone
receipt-column-previous = Previous
receipt-column-current = Current
receipt-column-consumption = Used, kWh
receipt-column-tariff = Price per kWh
receipt-column-amount = Amount
receipt-recalculation = Recalculation
receipt-opening = Balance at the start of the period
receipt-paid = Paid in the period
receipt-charged = Charged for the period
receipt-total = Total to pay by { $due }
receipt-qr-hint = Scan the QR code in your banking app: the details, the account and the amount fill in by themselves.
receipt-qr-purpose = Оплата электроэнергии, л/с { $account }, период { $period }

mail-e-receipt-subject = Receipt for { $period }, account { $account }
mail-e-receipt-body =
    Hello,

    The receipt for { $period } for account { $account } has been issued; it is attached.
    You can pay and send meter readings in the { -bot } chat: the links below open that action and work for 30 days.

    This message was sent automatically; there is no need to reply.
mail-e-receipt-pay = Pay
mail-e-receipt-readings = Send meter readings
mail-e-receipt-web-chat = Open the chat on the website
mail-e-receipt-max = Open in MAX

link-token-invalid = The link from the e-mail has expired or is damaged: such links work for 30 days. Choose what to do in the menu.
link-token-not-linked = The link from the e-mail is for account { $account }, which is not linked to this chat. Send readings by the account number, or link the account.

## e-receipt

action-ereceipt = E-receipt
help-ereceipt = • subscribe to the e-receipt, change its e-mail or unsubscribe (/ereceipt);
intent-ereceipt = e-receipt | ereceipt | electronic receipt | receipt by e-mail | receipt by email | paperless | unsubscribe

e-receipt-not-linked = The e-receipt is set up for a linked account. Link your account to manage it.
e-receipt-off = The receipt for account { $account } comes on paper. With the e-receipt it comes by e-mail, and the archive keeps every receipt from then on.
e-receipt-subscribe = Subscribe to the e-receipt
e-receipt-consent = Receipts for { $address } will come by e-mail instead of paper. Do you confirm the address and agree to receive receipts electronically?
e-receipt-consent-yes = Yes, I confirm
e-receipt-nothing-changed = Nothing has changed.
e-receipt-ask-email = Which e-mail should receipts go to? The account has { $email }.
e-receipt-keep-email = To { $email }
e-receipt-other-email = Another address
e-receipt-type-email = Type the e-mail for receipts, for example: ivanova@mail.ru.
e-receipt-email-not-typed = Type the e-mail as text, for example: ivanova@mail.ru.
email-invalid = That does not look like an e-mail address. Type it in full, for example: { $example }.
e-receipt-on = Account { $account } has the e-receipt: it goes to { $email } since { $since }.
e-receipt-change-email = Change the e-mail
e-receipt-unsubscribe = Unsubscribe from the e-receipt
e-receipt-ask-new-email = Type the new e-mail for receipts, for example: ivanova@mail.ru. Until you follow the link sent to the new address, receipts go to the old one.
e-receipt-same-email = Receipts already go to this address. Type another e-mail.
e-receipt-ask-reason = Why are you giving up the e-receipt?
e-receipt-reason-paper = Paper suits me better
e-receipt-reason-no-mail = The e-mails do not arrive
e-receipt-reason-too-many = Too many e-mails
e-receipt-reason-other = Another reason
e-receipt-type-reason = Tell us the reason in a few words (up to { $max } characters).
e-receipt-reason-too-long = The reason is longer than { $max } characters. Please make it shorter.
e-receipt-unsubscribe-confirm = Without the e-receipt, receipts come on paper again, and you give up managing additional accounts and the receipt archive for the months ahead. Unsubscribe?
e-receipt-unsubscribe-yes = Yes, unsubscribe
e-receipt-keep = Keep the e-receipt
e-receipt-link-sent = I have sent an e-mail to { $email }: follow the link in it within 24 hours. Nothing changes until you do.
e-receipt-subscribed = The e-receipt for account { $account } is on: receipts from { $since } on go to { $email }.
e-receipt-email-changed = The e-receipt e-mail of account { $account } has changed: receipts now go to { $email }.
e-receipt-unsubscribed = You have given up the e-receipt for account { $account }. Paper receipts resume from { $paperFrom }.
mail-e-receipt-subscribe-subject = Confirm the e-receipt subscription
mail-e-receipt-subscribe-body =
    Hello,

    To receive the receipts of account { $account } at this address, follow the link (it works for 24 hours):
    { $url }

    If you did not subscribe, simply ignore this e-mail.
mail-e-receipt-change-subject = Confirm the new address for the e-receipt
mail-e-receipt-change-body =
    Hello,

    To receive the receipts of account { $account } at this address, follow the link (it works for 24 hours):
    { $url }

    Until you follow it, receipts go to the old address.
mail-e-receipt-unsubscribe-subject = Confirm giving up the e-receipt
mail-e-receipt-unsubscribe-body =
    Hello,

    To give up the e-receipt of account { $account }, follow the link (it works for 24 hours):
    { $url }

    If you did not ask for this, simply ignore this e-mail: nothing will change.
e-receipt-page-title = { -supplier }: confirmation by an e-mail link
e-receipt-page-ask = Press the button to confirm the change.
e-receipt-page-confirm = Confirm
e-receipt-page-unknown = This link was not found: it may have been copied only in part. Ask for a new one in the chat.
e-receipt-page-expired = This link has expired: links work for 24 hours. Ask for a new one in the chat.
e-receipt-page-used = This link has been used already: the change was confirmed before.

## appeals

action-appeal = Write to the company
action-appeals = My appeals
help-appeal = • write an appeal to the company: the answer comes here and by e-mail (/appeal);
help-appeals = • show my appeals of the last three months with their answers, add to one (/appeals);
intent-appeal = appeal | complain* | complaint | ask a question | question to | contact support | write to the company | question
intent-appeals = my appeals | appeal status | answer to my appeal | where is the answer | my complaint | my appeal

appeal-topic-readings = Meter readings
appeal-topic-payment = Payment and balance
appeal-topic-receipts = Receipts
appeal-topic-meter = Meter replacement
appeal-topic-connection = Connection
appeal-topic-outage = No power
appeal-topic-other = Other
appeal-status-received = received
appeal-status-answered = answered
appeal-status-closed = closed
appeal-field-account = Account
appeal-field-address = Address
appeal-field-locality = Locality
appeal-field-topic = Topic
appeal-field-name = Name
appeal-field-email = E-mail for the answer
appeal-field-phone = Phone
appeal-field-message = Message
appeal-email-only-short = e-mail only
appeal-draft-kept = You have an unsent draft appeal from { $at }. Continue it?
appeal-draft-continue = Continue the draft
appeal-draft-new = Start again
appeal-draft-title = Draft appeal
appeal-draft-message =
    Your message:
    { $message }

    Check that everything is right. Send the appeal?
appeal-send = Send the appeal
appeal-edit = Change
appeal-drop = Delete the draft
appeal-dropped = The draft has been deleted.
appeal-edit-which = What should be changed?
appeal-ask-who = Are you a customer? If you know your account number, the appeal is filed under it.
appeal-who-customer = Yes, I know the account number
appeal-who-other = Not a customer
appeal-ask-locality = Type your locality, for example: Voronezh.
appeal-type-please = Please type the answer as text.
appeal-ask-topic = Choose the topic of the appeal:
appeal-ask-name = How should we address you?
appeal-ask-email = Type the e-mail for the answer, for example: ivanova@mail.ru.
appeal-ask-email-kept = The answer will go to { $email }. Keep this address or type another?
appeal-keep-email = Keep { $email }
appeal-ask-phone = Type a mobile number to reach you, for example: +7 900 123-45-67, or choose to be answered by e-mail only.
appeal-email-only = Answer by e-mail only
appeal-ask-address = Type the street, house and flat in { $locality } your question is about, for example: Koltsovskaya st. 24, apt. 17.
appeal-ask-message =
    Write your question (up to { $max } characters). Keep it short and clear, leave out what does not concern it, and do not give personal data of people who have not agreed to it. The clearer the question, the sooner the answer.
appeal-message-too-short = The message is too short: write at least { $min } characters so that the specialist understands the question.
appeal-message-too-long = The message is longer than { $max } characters ({ $length }). Please shorten it: what you typed before is kept.
appeal-name-invalid = I could not read the name. Type how to address you in letters, for example: { $example }.
appeal-phone-invalid = That is not a mobile number. Type it like this: { $example }, or choose to be answered by e-mail only.
appeal-place-invalid = I could not read the address. Write it in words, for example: { $example }.
appeal-paused = Too many wrong account numbers. Try again after { $until } (Moscow time), or write the appeal as “Not a customer”.
appeal-not-matched =
    No such account: please check the number on your receipt.
    { $remaining ->
        [one] { $remaining } attempt left.
       *[other] { $remaining } attempts left.
    }
appeal-filed = The appeal has been sent; its number is { $number }. The number has also gone to { $email }; the answer will come here and by e-mail.
appeal-open = Open the appeal
mail-appeal-filed-subject = Appeal { $number } received
mail-appeal-filed-body =
    Hello, { $name }!

    Your appeal has been received; its number is { $number }. Keep the number: it may be needed to settle the question.
    The specialist's answer will come to this address and to the chat the appeal was sent from.

    Your message:
    { $message }
appeals-none = No appeals from this chat in the last three months.
appeals-list = Your appeals of the last three months: { $count }. Choose one to open its thread.
appeals-item = { $number } · { $topic } · { $status }
appeals-not-found = Appeal { $number } is not among the appeals from this chat.
appeals-thread =
    Appeal { $number } · { $topic } · { $status }
    { $messages }
appeals-thread-customer = — You, { $at }: { $text }
appeals-thread-operator = — Specialist, { $at }: { $text }
appeals-add = Add to the appeal
appeals-all = All appeals
appeals-closed = Appeal { $number } is closed. If the question remains, write a new appeal.
appeals-ask-addition = Write what to add to appeal { $number }, or what to ask.
appeals-added = Added to appeal { $number }. The specialist will see it in the thread.
appeal-field-attachments = Attachments
appeal-no-attachments = none
appeal-files-later = Please type the message first: photos and documents can be attached at the next step.
attach-ask = Attach photos or documents if the specialist needs them (a photo of the meter, a receipt, a scan): up to { $maxFiles } files, up to { $size } MB each, images (JPEG, PNG, WebP, GIF) or PDF. Or press “No attachments”.
attach-more =
    Files attached: { $count } of { $maxFiles }:
    { $files }
    Send more or press “Done”.
attach-none = No attachments
attach-done = Done
attach-clear = Remove all files
attach-not-file = A file is needed here: a photo or a document (an image or a PDF, up to { $size } MB). If there are no files, press the button under the question.
attach-refused = The file “{ $name }” is not attached: { $reason }
attach-too-many = At most { $max } files can be attached; not attached: { $left }.
attach-full = { $max } files are attached: no more can be added.
attach-item = 📎 { $name } ({ $size } MB)
attachment-empty = the file is empty.
attachment-wrong-type = this type of file is not accepted. Send an image (JPEG, PNG, WebP, GIF) or a PDF.
attachment-too-large = the file is { $size } MB, and at most { $max } MB is accepted. Make it smaller or send a photo of the page.
attachment-over-limit = the file is larger than { $max } MB, which is not accepted. Make it smaller or send a photo of the page.
attachment-form-malformed = the form with files arrived damaged; send it again.
attachment-unavailable = the file could not be received. Please send it again.
attachment-too-many = at most { $max } files in one answer.
attachment-refused-named = the file “{ $name }”: { $reason }
appeals-files = Files of the thread ({ $count })
appeals-file-customer = { $name }: your file for appeal { $number }
appeals-file-operator = { $name }: the specialist's file for appeal { $number }
appeals-files-sent = These are the files of appeal { $number }.
appeals-nothing-added = Nothing was added to appeal { $number }.
mail-appeal-customer = Account { $account }, address: { $address }
mail-appeal-non-customer = Not a customer. Locality: { $locality }, address: { $address }
mail-appeal-new-subject = [{ $number }] New appeal: { $topic }
mail-appeal-new-body =
    Appeal { $number } from the { -bot } chat.
    Topic: { $topic }
    Name: { $name }
    E-mail: { $email }
    Phone: { $phone }
    { $place }

    Message:
    { $message }

    To answer the customer, reply to this e-mail: the answer goes to their chat and e-mail.
mail-appeal-addition-subject = Re: [{ $number }] New appeal: { $topic }
mail-appeal-addition-body =
    The customer added to appeal { $number }:

    { $addition }

    To answer the customer, reply to this e-mail.
mail-appeal-answer-copy-body =
    Appeal { $number }: the customer was answered ({ $route }, { $operator }).

    { $answer }

    The answer went to the customer's chat and e-mail. No need to answer again.
appeal-route-desk = operator desk
appeal-route-api = API
appeal-route-mail = reply by e-mail
mail-appeal-overdue-subject = [{ $number }] No answer for more than { $hours } h
mail-appeal-overdue-body =
    Appeal { $number } was received at { $filedAt } (Moscow time) and has had no answer for { $hours } h.

    Open it on the operator desk: { $link }
appeals-reply = Reply
push-appeal-answered =
    The answer to appeal { $number }:
    { $answer }
push-file-caption = 📎 { $name }
push-appeal-reopened = Appeal { $number } is open again: a specialist is working on it.
push-appeal-closed = Appeal { $number } is closed. If the question remains, write a new appeal.
mail-appeal-answered-subject = The answer to appeal { $number }
mail-appeal-answered-body =
    Hello, { $name }!

    The specialist's answer to your appeal { $number }:

    { $answer }

    The answer has also come to the chat the appeal was sent from: you can add to the appeal or ask a follow-up question there.

## live operator (issue 30)

action-operator = Talk to an operator
help-operator = • talk to an operator in the chat, during their hours (/operator);
intent-operator = operator | talk to a human | human | real person | live person | speak to someone | talk to someone | agent | live chat | support agent
live-none = Operators do not work in the chat now. Write an appeal: the answer comes here and by e-mail.
live-closed =
    Operators answer in the chat:
    { $hours }
    You can write an appeal now: the answer comes here and by e-mail.
live-nobody = No operator is free right now. Write an appeal: the answer comes here and by e-mail.
live-queued = You are number { $position } in the queue for an operator. The wait is about { $minutes } min. Write what happened: the operator sees it as soon as they join.
live-queue-moved = The queue has moved: you are number { $position }. The wait is about { $minutes } min.
live-talking-already = You are talking to an operator already: write, they see your messages.
live-operator-joined = An operator has joined the conversation. Write your question.
live-operator-says =
    💬 Operator:
    { $text }
live-operator-files = 💬 The operator sent files:
live-ended-by-operator = The operator has ended the conversation. If the question remains, call an operator again or write an appeal.
live-ended = The conversation with the operator has ended.
live-queue-closed = Operators cannot answer in the chat right now. Your question can be sent as an appeal: the answer comes here and by e-mail.
live-left-queue = You have left the queue for an operator.
live-none-open = There is no conversation with an operator.
live-not-delivered = The conversation with the operator is over: this message was not passed on. It can be sent as an appeal.
live-not-passed = An operator can be sent text, a photo or a document (an image or a PDF).
live-write-appeal = Write an appeal
live-end = End the conversation
live-leave-queue = Leave the queue
live-day-1 = Mon
live-day-2 = Tue
live-day-3 = Wed
live-day-4 = Thu
live-day-5 = Fri
live-day-6 = Sat
live-day-7 = Sun
live-days = { $first }–{ $last }
live-shift = { $days } { $from }–{ $until }

## desk

desk-title = Appeals — the operator's desk
desk-sign-in-title = Operators' sign-in
desk-login = Login
desk-password = Password
desk-sign-in = Sign in
desk-sign-in-failed = Wrong login or password.
desk-sign-in-paused = Too many failed sign-in attempts from this address. Try again in 15 minutes.
desk-session-expired = The session has expired. Sign in again.
desk-new-password-title = Set your own password
desk-current-password = Current password (the one handed out, or your own)
desk-current-password-wrong = The current password is wrong: the password was not changed.
desk-new-password = New password (at least 12 characters)
desk-password-too-short = The password must be at least 12 characters long.
desk-save = Save
desk-sign-out = Sign out
desk-empty = No appeals.
desk-number = Number
desk-back = ← All appeals
desk-from-customer = Customer, { $at }
desk-from-operator = Operator, { $at }
desk-answer = Answer to the customer (goes to the chat the appeal came from, and by e-mail)
desk-send = Send the answer
desk-file-size = { $size } MB
desk-files = Files for the answer (up to { $max }, up to { $size } MB each: images or PDF)
desk-answer-refused = The answer was not sent: { $reason } Its text is kept below.
desk-answer-repeated = the same answer was sent { $at }. To send it again, press «Send the answer» once more.
desk-close = Close the appeal
## Desk for a team (issue 30): the queue's search and filters, taking an appeal, notes, canned answers, statistics
desk-page-title-fresh = ({ $count }) { $title }
desk-thread-title = Appeal { $number }
desk-nav-queue = Appeals
desk-nav-fresh = New: { $count }
desk-nav-canned = Canned answers
desk-nav-stats = Statistics
desk-queue-title = Appeals
desk-search = Search
desk-search-example = appeal number, account, phone, e-mail or part of the name
desk-search-everywhere = Search in every status
desk-filter-status = Status
desk-filter-status-all = all
desk-filter-topic = Topic
desk-filter-topic-all = all topics
desk-filter-channel = Channel
desk-filter-channel-all = all channels
desk-filter-age = Filed
desk-filter-age-any = any time
desk-filter-age-1 = more than a day ago
desk-filter-age-3 = more than 3 days ago
desk-filter-age-7 = more than 7 days ago
desk-filter-assignee = Taken by
desk-filter-assignee-anyone = anyone
desk-filter-assignee-mine = me
desk-filter-assignee-nobody = nobody
desk-filter-follow-up = only with a new message from the customer
desk-find = Find
desk-filters-reset = Reset
desk-shown = Shown { $from }–{ $to } of { $total }
desk-page-previous = ← Previous
desk-page-next = Next →
desk-column-channel = Channel and language
desk-column-assignee = Taken by
desk-column-waiting = Waiting
desk-channel-telegram = Telegram
desk-channel-max = MAX
desk-channel-webchat = Web chat
desk-channel-language = { $channel } · { $language }
desk-nobody = —
desk-row-waiting =
    { $hours ->
        [0] waiting less than an hour
       *[other] waiting { $hours } h
    }
desk-row-answered-after =
    { $hours ->
        [0] answered within an hour
       *[other] answered after { $hours } h
    }
desk-row-closed = closed
desk-follow-up-badge = new message from the customer
desk-follow-up-since = The customer wrote at { $at }: waiting for an answer.
desk-field-channel = The customer's channel and language
desk-field-assignee = Taken by
desk-assignee-nobody = nobody yet
desk-assignee-me = you ({ $login })
desk-assignee-other = With operator { $login }
desk-take = Take it
desk-release = Let it go
desk-take-refused = The appeal has already been taken by { $login }.
desk-from-operator-signed = Operator { $name } · { $route }, { $at }
desk-from-note = Note (the customer does not see it) · { $name }, { $at }
desk-from-note-unsigned = Note (the customer does not see it), { $at }
desk-canned-choose = Canned answer
desk-canned-insert = Insert
desk-canned-none = No canned answers yet.
desk-note = Note for the operators (the customer will not see it)
desk-note-add = Add the note
desk-note-refused = The note was not saved: write it, up to { $max } characters.
desk-reopen = Open again
desk-appeal-not-found = No such appeal.
desk-file-not-found = No such file.
desk-canned-title = Canned answers
desk-canned-empty = No canned answers yet: add the first one in the form below.
desk-canned-column-title = Title
desk-canned-column-text = Text
desk-canned-edit = Edit
desk-canned-delete = Delete
desk-canned-form-title = Add or change a canned answer
desk-canned-form-hint = One with the same title gets the new text. On an appeal's page it is inserted into the answer and edited before sending.
desk-canned-field-title = Title (up to { $max } characters)
desk-canned-field-text = Text of the answer (up to { $max } characters)
desk-canned-save = Save the canned answer
desk-canned-refused = The canned answer was not saved: it needs a title (up to { $title } characters) and a text (up to { $text } characters).
desk-stats-title = Appeal statistics
desk-stats-period = Period
desk-stats-days =
    the last { $days } { $days ->
        [one] day
       *[other] days
    }
desk-stats-show = Show
desk-stats-filed =
    Filed in { $days } { $days ->
        [one] day
       *[other] days
    }: { $count }
desk-stats-by-status = Status
desk-stats-by-topic = Topic
desk-stats-column-count = Appeals
desk-stats-speed = First answer
desk-stats-answered = Answered
desk-stats-median = Median time to the first answer
desk-stats-p90 = 90th percentile of the time to the first answer
desk-stats-hours = { $hours } h
desk-stats-no-hours = —
desk-stats-overdue = Overdue (waiting for an answer longer than { $hours } h): { $count }
desk-stats-overdue-link = Open the queue
desk-stats-note = Statuses, topics and the time to the first answer (by any route: the desk, the API, e-mail) are of the appeals filed in the period. Overdue are all those waiting for an answer now, whenever filed.
## desk: live chat (issue 30)
desk-live-nav = Chat with customers
desk-live-nav-count = Chat with customers ({ $count })
desk-live-title = Chat with customers
desk-live-on-duty = While this page or a conversation is open, you are on duty: customers can call an operator and join the queue. The queue refreshes every { $seconds } s.
desk-live-queue = Queue: { $count }
desk-live-queue-empty = Nobody is in the queue.
desk-live-column-place = Place
desk-live-column-since = Waiting since
desk-live-column-first = The customer wrote
desk-live-waited = { $at } ({ $minutes } min)
desk-live-first-files = 📎 files: { $count }
desk-live-take = Take
desk-live-mine = My conversations
desk-live-mine-none = You are not talking to anyone now.
desk-live-taken-at = taken { $at }
desk-live-refresh = Refresh
desk-live-chat-title = Conversation { $id }
desk-live-back = ← Chat with customers
desk-live-status-waiting = The customer has been waiting for an operator since { $at }.
desk-live-status-mine = You are holding this conversation, since { $at }.
desk-live-status-other = Operator { $login } is holding this conversation, since { $at }: only they can write to the customer.
desk-live-status-ended-customer = The conversation ended { $at }: the customer ended it.
desk-live-status-ended-operator = The conversation ended { $at }: the operator ended it.
desk-live-status-ended-nobody = Ended { $at }: nobody took it from the queue (the hours were over or no operator was on duty).
desk-live-ended-now = The conversation has ended: no more messages can be sent to the customer.
desk-live-poll-failed = New messages could not be fetched; trying again in a few seconds.
desk-live-from-customer = Customer, { $at }
desk-live-from-operator = Operator { $login }, { $at }
desk-live-say = Message to the customer (goes to their chat)
desk-live-send = Send
desk-live-end = End the conversation
desk-live-say-empty = The message was not sent: write some text (up to { $max } characters) or attach a file.
desk-live-not-yours = The message was not sent: only the operator holding the conversation can write to it, and only until it ends.
desk-live-end-not-yours = Only the operator holding the conversation can end it.
desk-live-kept = Your text was not sent; you can copy it:
desk-live-not-found = There is no such conversation.
desk-live-take-refused = Operator { $login } has already taken conversation { $id }.
desk-live-take-gone = Conversation { $id } has already ended: the customer left the queue.
## Desk: readings with meter photos (issue 27)
desk-readings-link = Readings with photos
desk-readings-title = Readings sent with a photo of the meter
desk-readings-title-account = Readings with photos for account { $account }
desk-readings-account = Account
desk-readings-find = Show
desk-readings-empty = No readings with photos.
desk-readings-column-at = Sent
desk-readings-column-account = Account
desk-readings-column-period = Period
desk-readings-column-values = Readings
desk-readings-column-outcome = Billing
desk-readings-column-photos = Photos
desk-readings-at = { $at }
desk-readings-entry = { $meter }, { $zone }: { $value }
desk-readings-photo-alt = Photo of meter { $meter }
desk-readings-outcome-pending = on their way
desk-readings-outcome-taken = accepted
desk-readings-outcome-refused = refused

## pay

action-pay = Pay
help-pay = • take a card payment by a link, for a linked account or any account by its number, and tell you when it goes through (/pay);
intent-pay = pay* | pay my bill | pay the bill | make a payment | payment link | top up | i want to pay | pay now

pay-without-link = You can pay without linking this chat: you will need the account number.
pay-without-link-account = Paying account { $account } without linking this chat.
pay-not-matched =
    No such account: please check the number on your receipt.
    { $remaining ->
        [one] { $remaining } attempt left.
       *[other] { $remaining } attempts left.
    }
pay-paused = Too many failed attempts to find or confirm an account. Paying without linking is possible again after { $until } (Moscow time); for a linked account, at any time.
pay-ask-consent = To pay without linking, please accept { -supplier }'s digital services agreement and consent to the processing of your personal data.
pay-consent-declined = A payment without linking cannot be taken without your consent. You can come back to this at any time.
pay-confirm-typed = Pay { $amount } to account { $account }?
pay-proposal =
    The recommended payment for account { $account } is { $recommended }:
    • debt: { $debt };
    • the current month's estimate: { $estimate }, so no debt arises when the month is billed.
    You can pay the debt only, or enter your own amount.
pay-recommended = Pay { $amount }
pay-debt-only = Debt only: { $amount }
pay-other = Another amount
pay-on-its-way = The payment of { $amount } on { $at } is on its way: it posts within a day, and is not asked for again.
pay-confirm-large = Pay { $amount }? That is far more than a usual electricity bill: please check the amount.
pay-confirm-yes = Yes, pay { $amount }
pay-ask-amount = Enter the amount in roubles, for example: { $example }.
pay-link =
    Pay { $amount } to account { $account } by card on the payment page.
    The payment posts to the account within a day; I will tell you here when it goes through.
pay-open = Go to the payment of { $amount }
push-payment-succeeded = The payment of { $amount } to account { $account } went through. It posts to the account within a day.
push-payment-failed = The payment of { $amount } to account { $account } did not go through: the bank declined it. No money was taken; please try again or use another card.

sandbox-title = Payment (test page)
sandbox-amount = To pay: { $amount } to account { $account }.
sandbox-card-label = Card number
sandbox-pay-button = Pay
sandbox-hint = A test page with no real money: card { $succeeds } is paid, { $declined } is declined.
sandbox-card-invalid = That is not one of the test cards. Enter one of the cards below.
sandbox-succeeded = The payment went through. You can go back to the chat.
sandbox-failed = The payment did not go through: the bank declined the card. You can go back to the chat and try again.
sandbox-back = You can close this window.
sandbox-unknown-order = There is no such payment. Please start the payment in the chat again.

## free text, tariffs, receipts and charges (issue 27)
intent-meter-broken = meter is broken | meter broke | broken meter | meter not working | meter doesnt work | meter stopped | replace meter | replace my meter | meter replacement | new meter | faulty meter
intent-complaint = why | wrong | incorrect | overcharg | too much | too high | too expensive | refund | dispute | complain* | complaint | twice | double charg | not fair | unfair | mistake | error | doesnt work | not working
intent-tariff = tariff | tariffs | rate per kwh | price per kwh | price of electricity | electricity price | cost per kwh | how much is a kwh | my rate
intent-thanks = thanks | thank you | thx* | ty* | cheers | much appreciated
thanks-answer = You are welcome! Glad to help.
tariff-zone = { $zone ->
    [day] Day zone
    [night] Night zone
    [peak] Peak zone
    [semiPeak] Semi-peak zone
   *[other] Single-rate tariff
  }: { $price } per kWh
tariff-account =
    Tariffs for account { $account } in force this month:
    { $prices }
tariff-supplier =
    Electricity tariffs in force this month:
    { $prices }
    Link your account to see the tariff for your meter's zones.
tariff-unknown = This month's tariffs are not published yet. Please try again later.

## contacts (issue 29)
action-contacts = Contacts
help-contacts = • the company's contacts: the emergency and dispatch phones, the office and its hours (/contacts);
intent-contacts = contacts | contact details | company phone | phone number of the company | how to call | whom to call | emergency service | emergency number | dispatch | office hours | opening hours | office address | hotline
contacts-title = { $supplier }: contacts
contacts-emergency = Emergency service, round the clock
contacts-dispatch = Dispatch service
contacts-phone = Phone
contacts-office = Office
contacts-office-hours = Office hours
contacts-email = E-mail
contacts-site = Website

## «Нет света?» (issue 29)
action-outage = No power?
help-outage = • power cuts announced at an address, and the emergency phone (/outage);
intent-outage = no power | no electricity | power cut | power outage | power is out | power went out | blackout | when will the power | electricity is off
outage-ask-address = Write the address as on the receipt, the town first. For example: г. Воронеж, ул. Кольцовская, д. 24.
outage-type-address = Please type the address, the town first.
outage-address-invalid = I could not read the address: start with the town, as on the receipt. For example: { $example }.
outage-none =
    No power cut is announced at { $address }.
    If the power is off, call the emergency service: { $emergency } (round the clock) or the dispatch service: { $dispatch }. You can also report it to the company.
outage-report = Report a power cut
## reminders (issue 29)
action-reminders = Reminders
help-reminders = • reminders to submit readings and to pay on time (/reminders);
intent-reminders = remind | reminder | remind reading | reminder reading | remind pay | reminder payment | notification reading | notification payment | stop remind
reminders-ask =
    Reminders for account { $account }:
    • to submit readings when they are taken (days { $from } to { $to } of the month): { $readings ->
        [on] on
       *[off] off
    }
    • to pay on time (by day { $due } of the month): { $payment ->
        [on] on
       *[off] off
    }
    Reminders only come between { $fromHour }:00 and { $untilHour }:00.
reminders-readings-turn-on = Remind me of readings
reminders-readings-turn-off = Stop reminding of readings
reminders-payment-turn-on = Remind me to pay
reminders-payment-turn-off = Stop reminding to pay
reminders-on = { $kind ->
    [readings] I will remind you of the readings for account { $account } when they are taken (from day { $from }), unless they are in already.
   *[payment] I will remind you to pay for account { $account } from day { $remindFrom } of the month (the bill is due by day { $due }), unless it is paid.
}
reminders-off = { $kind ->
    [readings] No more reminders of readings for account { $account }.
   *[payment] No more payment reminders for account { $account }.
}
reminders-not-linked = Account { $account } is no longer linked to this chat: no reminders for it.
reminders-link-first = Reminders come for a linked account. Link your account first.
reminders-stop = Stop reminding
push-reminder-readings = 📟 Time to submit the meter readings for account { $account }: they are taken from day { $from } to day { $to } of the month.
push-reminder-payment = 💳 The bill for account { $account } is due by { $due }. To pay: { $amount }.
receipts-stop-monthly = Stop sending
charges-not-charged = not charged yet
payments-on-its-way = on its way: reaches the account within a day

## desk: notices (issue 29)
desk-notices-link = Notices
desk-notices-title = Notices: power cuts and reminders
desk-notices-publish-title = Publish a power cut
desk-notices-kind = Kind
desk-notices-kind-planned = Planned
desk-notices-kind-emergency = Emergency
desk-notices-area = Where: as on the bill, the locality first (the street and houses unless it is the whole locality)
desk-notices-area-example = г. Воронеж, ул. Кольцовская, д. 24
desk-notices-from = From
desk-notices-until = Expected end
desk-notices-reason = Reason
desk-notices-zone = Times are in the company's time zone ({ $zone }).
desk-notices-publish = Publish and notify
desk-notices-interruptions-title = Power cuts
desk-notices-interruptions-empty = No power cuts published.
desk-notices-interruption = { $kind } power cut no. { $id }: { $state }
desk-notices-when = From { $from } to { $until }
desk-notices-reason-line = Reason: { $reason }
desk-notices-state-coming = not started yet
desk-notices-state-under-way = under way
desk-notices-state-ended = ended { $at }
desk-notices-new-until = New expected end
desk-notices-change-until-button = Change the time and notify
desk-notices-end-button = End and notify
desk-notices-no-notices = No notices sent: no chat with a linked account in the area.
desk-notices-change-announced = Announcement
desk-notices-change-until = New time
desk-notices-change-ended = End
desk-notices-column-change = Notice
desk-notices-column-since = Sending began
desk-notices-column-queued = Chats
desk-notices-column-delivered = Delivered
desk-notices-column-gave-up = Given up
desk-notices-column-waiting = Still queued
desk-notices-at = { $at }
desk-notices-reminders-title = Reminders
desk-notices-reminders-empty = No reminders sent yet.
desk-notices-reminder-readings = Send your readings
desk-notices-reminder-payment = Payment due
desk-notices-column-reminder = Reminder
desk-notices-column-month = Month
desk-notices-refused-form = Not published: fill in every field (kind, where, from, until, reason); times need a date and a time.
desk-notices-refused-no-locality = Not published: the address names no locality. Write it as on the bill, the locality first, e.g. «г. Воронеж, ул. Кольцовская, д. 24».
desk-notices-refused-until-before-from = Not saved: the end must come after the start.
desk-notices-refused-unknown = No such power cut.
desk-notices-refused-ended = The time is not changed: the power cut has ended already.
desk-notices-refused-until-form = The time is not changed: give the date and time of the end.
