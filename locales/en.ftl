# energobot — customer texts in English. Every key here also exists in ru.ftl.

-supplier = Energosbyt
-bot = energobot

## Main menu and common answers

start-greeting =
    Hello! I am { -bot }, { -supplier }'s assistant in chat.
    Link your account and you can check its balance and details right here.
help-text =
    I can:
    • link this chat to your account — you need the account number and the amount of any payment from the last year;
    • show your account information: address, balance, debt from earlier periods;
    • unlink the account and change the language.
    Commands: /start — start over, /menu — menu, /cancel — cancel, /language — language.
menu-not-linked = What would you like to do?
menu-linked = Account { $account }. What would you like to do?
cancelled = Cancelled.
not-understood = I did not understand that. Please choose an action from the menu.
flow-restarted = The bot has been updated and what you started had to stop. Please start it again.
error-try-again = Something went wrong on our side. Please try again in a minute: what you entered is kept.
answer-expected-typed = Please type your answer as a message.
answer-expected-button = Please choose one of the options on the buttons.
answer-yes = Yes
answer-no = No

action-start = Start
action-menu = Menu
action-help = What the bot can do
action-cancel = Cancel
action-link = Link an account
action-info = Account information
action-unlink = Unlink the account
action-language = Язык / Language

## link-account

link-ask-number = Enter your account number: 12 digits, printed on your receipt. For example: 1000 0000 0001.
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
link-too-many = At most { $max } accounts can be linked to one chat. Unlink one of them to add another.
link-done = Done! Account { $account } is now linked to this chat.

mail-link-subject = Account { $account } was linked to a chat
mail-link-body =
    Hello,

    On { $at } (Moscow time) account { $account } was linked to a chat { $channel ->
        [telegram] in Telegram
       *[webchat] on the website
    } through { -bot }.

    If this was not you, unlink the chat or contact { -supplier }.

    This message was sent automatically; there is no need to reply.

## account-info

info-card =
    Account { $account }{ $demo ->
        [yes] {" "}(demo)
       *[no] {""}
    }
    Address: { $address }
    Phone: { $phone }
    Registered residents: { $residents }
    Seasonality factor: { NUMBER($seasonalityFactor, minimumFractionDigits: 2) }
    { $socialNorm ->
        [none] Social norm: none in this region
       *[other] Social norm: { $socialNorm } kWh a month
    }
    { $balanceState ->
        [debt] Balance: { $balance } owed
        [credit] Balance: { $balance } in credit
       *[zero] Balance: { $balance }, nothing owed
    }
    Debt from earlier periods: { $earlierDebt }
info-not-linked = This chat is not linked to an account yet. Link one to see its information.
info-unavailable = Account information is unavailable right now. Please try again later.

## unlink-account

unlink-nothing = No account is linked to this chat.
unlink-confirm = Unlink account { $account } from this chat? You can link it again at any time.
unlink-yes = Yes, unlink
unlink-kept = All right, the account stays linked.
unlink-done = Account { $account } is unlinked from this chat.

## language

language-ask = Выберите язык / Choose your language
language-ru = Русский
language-en = English
language-changed = Language changed: English.

## webchat

webchat-title = { -supplier } customer chat
webchat-language-link = In English
webchat-unavailable = The chat is unavailable right now. Please reload the page in a minute.
webchat-noscript = The chat needs JavaScript turned on.
