# energobot — тексты для клиентов. Русский — основной язык: каждый ключ есть и здесь, и в en.ftl.

-supplier = «Энергосбыт»
-bot = energobot

## Главное меню и общие ответы

start-greeting =
    Здравствуйте! Я { -bot }, помощник { -supplier } в чате.
    Здесь можно передать показания счётчика, а привязав лицевой счёт — смотреть баланс и данные по счёту.
help-text =
    Я умею:
    { $tasks }
    В любой момент: /menu — меню, /cancel — отменить начатое. Можно писать и своими словами: «передать показания», «сколько я должен», «оплатить».
menu-not-linked = Что вы хотите сделать?
menu-linked = Лицевой счёт { $account }. Что вы хотите сделать?
cancelled = Действие отменено.
not-understood = Я не понял сообщение. Может быть, вы имели в виду одно из этого?
flow-restarted = Бот обновился, и начатое действие пришлось начать заново. Введённое раньше, к сожалению, не сохранилось.
flow-updated = Бот обновился. Всё, что вы ввели, сохранено: продолжим с вопроса, который изменился.
flow-continued = Продолжим с того места, где вы остановились.
resume-button = ↩ Продолжить: { $task }
resume-offer = Начатое действие сохранено — его можно продолжить.
question-closed = Этот вопрос уже закрыт.
message-too-long = Сообщение слишком длинное: я читаю сообщения до { $max } символов. Напишите, пожалуйста, короче — то, о чём шла речь, я помню.
not-text = { $what ->
    [photo] Фотографии я принимаю в обращениях («Написать обращение») и к показаниям («Передать показания»): приложите её там.
    [sticker] Спасибо за стикер! Но я понимаю только текст и кнопки.
    [voice] Я пока не умею слушать голосовые сообщения.
    [video] Я пока не умею смотреть видео.
    [location] Геопозиция мне не нужна: все действия — по номеру лицевого счёта.
    [contact] Контакт мне не нужен: все действия — по номеру лицевого счёта.
   *[other] Файлы я принимаю в обращениях: «Написать обращение» — и приложите его там.
  } Выберите действие в меню или напишите, что нужно.
menu-more = Ещё действия:
# «Ещё…» is paged (issue 27): the way back to the page before.
menu-more-back = Назад
service-unavailable = Сейчас не получается обработать сообщение. Оно сохранено: я отвечу, как только смогу, — или попробуйте ещё раз через несколько минут.
update-reply-refused = Ответ на это сообщение не удалось отправить, и ошибка передана специалистам. Сделанное сохранено: выберите действие в меню или напишите, что нужно.
update-set-aside = Это сообщение я так и не смог обработать, и ошибка передана специалистам. Мы остались там же, где были до него: попробуйте сказать иначе или выберите действие в меню.
private-chats-only = Я работаю только в личной переписке: там ваш лицевой счёт, адрес и показания не увидит никто, кроме вас. В группах и каналах я ничего не делаю.
private-chat-open = Написать боту лично
answer-expected-typed = Здесь нужно ввести ответ сообщением.
answer-expected-button = Выберите, пожалуйста, один из вариантов на кнопках.
answer-yes = Да
answer-no = Нет

action-start = Начало
action-menu = Меню
action-help = Что умеет бот
action-cancel = Отмена
action-more = Ещё…

help-help = • рассказать, что я умею (/help).

# Слова, по которым свободный текст ведёт к действию: основы слов через «|», «*» — только целое слово.
intent-start = привет | здравствуй | здрасте | добрый день | добрый вечер | доброе утро | салют | хай* | начать | старт*
intent-menu = меню | главное меню | что дальше
intent-help = помощь | помоги | помогите | что умеешь | что ты умеешь | что можешь | команды | справка | как пользоваться
intent-cancel = отмена | отменить | стоп | хватит

## link-account

action-link = Привязать лицевой счёт
help-link = • привязать этот чат к лицевому счёту — понадобятся номер счёта и сумма любого платежа за последний год (/link);
intent-link = привязать | привязать счет | привязать лицевой счет | привязк | подключить счет | добавить счет | войти | авторизац | регистрац

link-ask-number = Введите номер лицевого счёта — 12 цифр, он есть в квитанции. Например: 1000 0000 0001.
link-number-not-typed = Номер лицевого счёта нужно ввести цифрами, например: 1000 0000 0001.
account-number-empty = Номер лицевого счёта не введён. Введите 12 цифр, например: { $example }.
account-number-not-digits = Номер лицевого счёта состоит только из цифр (пробелы и дефисы можно). Например: { $example }.
account-number-wrong-length = В номере лицевого счёта 12 цифр, а в введённом — { $digits }. Проверьте номер по квитанции, например: { $example }.
link-confirm-address =
    Адрес по этому счёту: { $address }
    Это ваш адрес?
link-address-rejected = Проверьте номер лицевого счёта по квитанции и введите его ещё раз.
link-already = Лицевой счёт { $account } уже привязан к этому чату.
link-ask-consent =
    Чтобы привязать счёт, примите условия соглашения об использовании диджитал-сервисов { -supplier } и дайте согласие на обработку персональных данных.
    Согласие сохраняется с датой и временем.
link-consent-agree = Принимаю и согласен
link-consent-decline = Не согласен
link-consent-declined = Без согласия привязать счёт нельзя. Вы можете вернуться к этому в любой момент.
link-ask-amount =
    Введите сумму любого платежа по этому счёту за последние 12 месяцев — до копейки, как в квитанции или чеке. Например: 1 543,20.
    Платёж должен быть сделан не позднее, чем вчера: зачисление занимает сутки.
amount-empty = Сумма не введена. Введите сумму платежа, например: { $example }.
amount-not-typed = Сумму нужно ввести цифрами, например: 1 543,20.
amount-not-a-number = Не получилось прочитать сумму. Введите её цифрами, например: { $example }.
amount-not-positive = Сумма платежа должна быть больше нуля. Например: { $example }.
amount-too-precise = В сумме не больше двух знаков после запятой — это копейки. Например: { $example }.
amount-too-large = Такая сумма слишком велика для платежа за электроэнергию. Проверьте её, например: { $example }.
link-not-matched =
    Не удалось подтвердить данные: проверьте номер лицевого счёта и сумму платежа.
    { $remaining ->
        [one] Осталась { $remaining } попытка.
        [few] Осталось { $remaining } попытки.
       *[other] Осталось { $remaining } попыток.
    }
link-paused = Слишком много неудачных попыток. Привязка счёта приостановлена до { $until } (время московское).
link-wait = Проверка ненадолго приостановлена: с этим счётом или с вашего адреса в интернете недавно было много неудачных попыток — возможно, не ваших. Попробуйте после { $until } (время московское).
link-too-many = К одному чату можно привязать не больше { $max } лицевых счетов. Отвяжите один из них, чтобы добавить новый.
link-done = Готово! Лицевой счёт { $account } привязан к этому чату.
link-done-active = Готово! Лицевой счёт { $account } привязан к этому чату и теперь активный: все действия — по нему. Переключиться на другой счёт можно в разделе «Мои лицевые счета».
link-management-off = Лицевой счёт { $account } уже привязан к другому чату, и его владелец запретил управление счётом из другого чата (настройка «Управление счётом»). Попросите владельца прислать вам приглашение: «Мои лицевые счета» → «Кто привязан» → «Пригласить».

mail-link-subject = Лицевой счёт { $account } привязан к чату
mail-link-body =
    Здравствуйте!

    { $at } (время московское) лицевой счёт { $account } привязан к чату { $channel ->
        [telegram] в Telegram
       *[webchat] на сайте
    } через { -bot }.

    Если это были не вы, отвяжите чат или обратитесь в { -supplier }.

    Это письмо отправлено автоматически, отвечать на него не нужно.

mail-link-failed-subject = Попытка привязать лицевой счёт { $account } к чату
mail-link-failed-body =
    Здравствуйте!

    { $at } (время московское) кто-то пытался привязать лицевой счёт { $account } к чату через { -bot }, но не подтвердил его суммой платежа.

    Если это были вы, просто попробуйте ещё раз. Если нет — ничего делать не нужно: без подтверждения счёт не привязывается, а уже привязанные чаты работают как прежде.

    Такое письмо приходит не чаще раза в сутки. Это письмо отправлено автоматически, отвечать на него не нужно.

## account-info

action-info = Информация по счёту
help-info = • показать информацию по счёту: адрес, баланс, долг за прошлые периоды (/info);
intent-info = баланс | сколько я должен | сколько должен | сколько платить | долг | задолженн | информац | данные по счет | мой счет | мой лицевой счет | переплат | сальдо

info-title = Лицевой счёт { $account }{ $demo ->
    [yes] {" "}(демонстрационный)
   *[no] {""}
}
info-address = Адрес
info-phone = Телефон
info-residents = Прописано
info-residents-value = { $residents } чел.
info-seasonality = Коэффициент сезонности
info-seasonality-value = { NUMBER($factor, minimumFractionDigits: 2) }
info-social-norm = Социальная норма
info-social-norm-value = { $norm ->
    [none] не установлена в регионе
   *[other] { $norm } кВт·ч в месяц
}
info-balance = Баланс
info-balance-value = { $state ->
    [debt] к оплате { $balance }
    [credit] переплата { $balance }
   *[zero] { $balance }, задолженности нет
}
# Under «к оплате» the earlier debt is a part of that sum, not a second, contradicting one.
info-earlier-debt = { $state ->
    [debt] Из них долг за прошлые периоды
   *[other] Долг за прошлые периоды
}
info-payment-pending = Оплата { $amount } от { $at } прошла и поступит на счёт в течение суток: баланс её пока не учитывает.
info-not-linked = Этот чат ещё не привязан к лицевому счёту. Привяжите счёт, чтобы видеть информацию по нему.
info-unavailable = Информация по счёту сейчас недоступна. Попробуйте позже.
billing-unavailable = Биллинг поставщика сейчас не отвечает, поэтому ответить на это не могу. Попробуйте через несколько минут.
billing-as-of = Это данные на { $at }: биллинг поставщика сейчас не отвечает, и с тех пор они могли измениться.

## unlink-account

action-unlink = Отвязать счёт
help-unlink = • отвязать лицевой счёт от этого чата (/unlink);
intent-unlink = отвязать | отвяжи | удалить счет | отключить счет

unlink-nothing = К этому чату не привязан ни один лицевой счёт.
unlink-confirm = Отвязать лицевой счёт { $account } от этого чата? Привязать его снова можно в любой момент.
unlink-yes = Да, отвязать
unlink-kept = Хорошо, счёт остаётся привязанным.
unlink-done = Лицевой счёт { $account } отвязан от этого чата.
unlink-done-active = Лицевой счёт { $account } отвязан от этого чата. Теперь активный счёт — { $active }.


## accounts

action-accounts = Мои лицевые счета
help-accounts = • показать мои лицевые счета, переключиться на другой, добавить или удалить счёт (/accounts);
intent-accounts = мои счета | мои лицевые счета | список счетов | сменить счет | переключить счет | другой счет | второй счет
action-settings = Настройки
help-settings = • настройки счёта: показания без привязки, управление из другого чата, e-mail, электронная квитанция (/settings);
intent-settings = настройки | настройка | параметры счета | сменить email | сменить почту
action-chats = Кто привязан
help-chats = • показать, какие чаты привязаны к счёту, отозвать доступ или пригласить члена семьи (/chats);
intent-chats = кто привязан | привязанные чаты | отозвать доступ | пригласить | приглашение

accounts-none = К этому чату не привязан ни один лицевой счёт.
accounts-list =
    Ваши лицевые счета ({ $count } из 10):
    { $rows }
    Все действия — по активному счёту.
accounts-row-active = ✓ { $account } — { $address }, { $balance } (активный)
accounts-row = • { $account } — { $address }, { $balance }
accounts-switch = Перейти к счёту { $account }
accounts-add = Добавить лицевой счёт
accounts-remove = Удалить счёт из списка
accounts-remove-which = Какой счёт удалить из списка этого чата?
accounts-number = Счёт { $account }
accounts-switched = Активный счёт — { $account }: все действия теперь по нему.
accounts-not-linked = Лицевой счёт { $account } не привязан к этому чату.

chats-via-proof = по платежу
chats-via-invite = по приглашению
chats-row = • { $channel } { $chat }, с { $at }, { $via }
chats-row-here = • { $channel } { $chat }, с { $at }, { $via } — этот чат
chats-list =
    К лицевому счёту { $account } привязаны чаты:
    { $rows }
chats-read-only = Этот чат привязан по приглашению: отзывать доступ и менять настройки может только владелец — чат, привязанный по платежу.
chats-revoke = Отозвать доступ: { $channel } { $chat }
chats-invite = Пригласить члена семьи
# { $channel } is a phrase of its own («чат на сайте», «Telegram»): never after the word «чат».
chats-revoke-confirm = Отозвать доступ к лицевому счёту { $account }: { $channel } { $chat }? Этот чат получит сообщение об этом.
chats-revoke-yes = Да, отозвать
chats-revoke-kept = Хорошо, доступ сохранён.
chats-revoke-gone = Доступа уже нет: { $channel } { $chat } не привязан к счёту { $account }.
# Said to the owner: the letter went to their own mailbox.
chats-revoked = Доступ к лицевому счёту { $account } отозван: { $channel } { $chat }.{ $mailed ->
    [yes] {" "}Письмо об этом отправлено на вашу почту { $email }.
   *[no] {""}
}
chats-invite-made =
    Приглашение к лицевому счёту { $account } — перешлите ссылку тому, кого приглашаете. Она действует до { $until } и только один раз; владелец счёта по платежу — по-прежнему вы.
    { $links }
chats-invite-telegram = Telegram: { $url }
chats-invite-max = MAX: { $url }
chats-invite-web-chat = Веб-чат на сайте: { $url }
chats-back = Кто привязан
push-link-revoked = Владелец лицевого счёта { $account } отозвал доступ этого чата к счёту. Чтобы снова работать с ним, привяжите счёт по платежу или попросите приглашение.
mail-link-revoked-subject = Доступ к лицевому счёту { $account } отозван
mail-link-revoked-body =
    Здравствуйте!

    { $at } из чата владельца отозван доступ к лицевому счёту { $account }: { $channel } { $chat }.

    Если это сделали не вы, откройте чат и проверьте раздел «Кто привязан».
invite-unknown = Ссылка-приглашение не найдена: возможно, она скопирована не полностью. Попросите владельца счёта прислать новую.
invite-expired = Срок действия приглашения истёк: приглашения действуют 24 часа. Попросите владельца счёта прислать новое.
invite-used = Это приглашение уже использовано: каждое работает один раз. Попросите владельца счёта прислать новое.
invite-void = Эта ссылка больше не действует: пригласивший отвязал счёт от своего чата. Попросите новую ссылку или привяжите счёт сами.
invite-ask-consent =
    Вас пригласили к лицевому счёту { $account }, адрес: { $address }.
    Чтобы работать со счётом в этом чате, примите условия пользования цифровыми сервисами и дайте согласие на обработку персональных данных.
push-invite-taken = Приглашение принято: чат { $chat } привязан к лицевому счёту { $account }. Отозвать доступ можно в разделе «Кто привязан».

settings-title = Настройки лицевого счёта { $account }
settings-readings-value = { $allowed ->
    [on] включена
   *[off] выключена
  }
settings-management-value = { $allowed ->
    [on] включено
   *[off] выключено
  }
settings-readings = Передача показаний без привязки
settings-readings-pending = { $allowed ->
    [on] включена
   *[off] выключена
  }; с { $from } будет { $next ->
    [on] включена
   *[off] выключена
  }
settings-management = Управление счётом из другого чата
settings-email = E-mail счёта
settings-email-none = не указан
settings-read-only = Этот чат привязан по приглашению: менять настройки может только владелец — чат, привязанный по платежу.
settings-ask = Что изменить?
settings-readings-turn-off = Запретить показания без привязки
settings-readings-turn-on = Разрешить показания без привязки
settings-management-turn-off = Запретить управление из другого чата
settings-management-turn-on = Разрешить управление из другого чата
settings-email-change = Изменить e-mail
settings-readings-changes = Изменение вступит в силу в течение 24 часов: с { $from } передача показаний без привязки будет { $allowed ->
    [on] разрешена
   *[off] запрещена
  }.
settings-readings-kept = Передача показаний без привязки остаётся { $allowed ->
    [on] разрешённой
   *[off] запрещённой
  }; изменение отменено.
settings-management-set = { $allowed ->
    [on] Управление счётом из другого чата разрешено: его можно привязать в другом чате по платежу.
   *[off] Управление счётом из другого чата запрещено: другие чаты смогут привязать счёт только по вашему приглашению. Уже привязанные чаты остаются — их можно отозвать в разделе «Кто привязан».
  }
settings-email-ask = Введите новый e-mail счёта, например: ivanova@mail.ru. На него придёт письмо со ссылкой: адрес сменится, только когда вы по ней перейдёте.
settings-email-same = Это тот же адрес, что уже указан. Введите другой.
settings-email-link-sent = Письмо со ссылкой отправлено на { $email }. Перейдите по ней в течение 24 часов — без этого e-mail не изменится.
settings-email-changed = E-mail лицевого счёта { $account } изменён на { $email }. Старый адрес получил уведомление.
mail-account-email-subject = Подтвердите новый e-mail лицевого счёта { $account }
mail-account-email-body =
    Здравствуйте!

    В чате попросили сделать этот адрес e-mail лицевого счёта { $account }. Чтобы подтвердить, перейдите по ссылке (действует 24 часа, один раз):
    { $url }

    Если вы ничего не просили, просто не переходите по ссылке: ничего не изменится.
mail-email-changed-subject = E-mail лицевого счёта { $account } изменён
mail-email-changed-body =
    Здравствуйте!

    E-mail лицевого счёта { $account } изменён на { $email }. Письма по счёту теперь приходят туда.

    Если это сделали не вы, обратитесь в { -supplier }.

## language

action-language = Язык / Language
help-language = • сменить язык (/language);
intent-language = язык | сменить язык | поменять язык | english | английск | language

language-ask = Выберите язык / Choose your language
language-ru = Русский
language-en = English
language-changed = Язык изменён: русский.

## webchat

webchat-title = { -supplier } — чат с клиентами
webchat-language-link = По-русски
webchat-unavailable = Чат сейчас недоступен. Попробуйте обновить страницу через минуту.
webchat-noscript = Для чата нужен включённый JavaScript.

## submit-readings

action-readings = Передать показания
help-readings = • принять показания счётчика — по привязанному счёту или по номеру любого счёта (/readings);
intent-readings = показан | передать показ | счетчик | сдать показ | внести показ | подать показ | киловат

zone-single = показание
zone-day = день
zone-night = ночь
zone-peak = пик
zone-semiPeak = полупик
readings-without-link = Передать показания можно и без привязки чата: понадобится номер лицевого счёта.
readings-not-matched =
    Такого лицевого счёта не нашлось: проверьте номер по квитанции.
    { $remaining ->
        [one] Осталась { $remaining } попытка.
        [few] Осталось { $remaining } попытки.
       *[other] Осталось { $remaining } попыток.
    }
readings-paused = Слишком много неверных номеров лицевого счёта. Передать показания без привязки можно будет после { $until } (время московское); по привязанному счёту — в любой момент.
readings-without-link-off = Владелец этого счёта запретил передавать показания без привязки. Привяжите счёт, чтобы передать их.
readings-period-closed = Показания за { $period } уже учтены при расчёте — изменить их нельзя. Следующие показания можно передать с 1-го числа, за { $next }.
readings-no-meters = По этому счёту нет счётчиков, по которым принимаются показания.
readings-ask =
    Лицевой счёт { $account }, счётчик { $meter }, { $zone }.
    { $history }
    Введите показание целым числом, как на счётчике, без цифр после запятой.
readings-not-typed = Такое сообщение я прочитать не могу. Введите, пожалуйста, цифры, которые показывает счётчик. Фото счётчика тоже можно прислать — оно будет приложено к показаниям.
## Meter photos with readings (issue 27)
readings-photo-kept = { $count ->
    [1] Фото сохранено, оно будет приложено к показаниям.
   *[other] Сохранено фото: { $count }, они будут приложены к показаниям.
} { readings-photo-ask-digits }
readings-photo-ask-digits = { $single ->
    [yes] Введите показание счётчика { $meter } цифрами, например 12345.
   *[no] Введите показание счётчика { $meter } (зона «{ $zone }») цифрами, например 12345.
}
readings-photo-refused = Файл «{ $name }» не сохранён: { $reason }
readings-photo-not-picture = это не фотография. К показаниям прикладывается фото счётчика: JPEG, PNG, WebP или GIF.
readings-photo-too-many = К показаниям можно приложить не больше { $max } фото; не сохранено: { $left }.
readings-summary-photos = Фото счётчика: { $count }
readings-pay-this-account = Оплатить счёт по этому лицевому счёту
readings-previous = Последнее принятое показание: { $previous } кВт·ч ({ $at }).
readings-no-previous = Принятых показаний пока нет.
readings-already-sent = В этом месяце уже передано { $submitted } — новое значение его заменит.
readings-ask-consent = Чтобы передать показания, дайте согласие на обработку персональных данных и примите условия соглашения об использовании диджитал-сервисов { -supplier }.
readings-consent-declined = Без согласия показания принять нельзя. Вы можете вернуться к этому в любой момент.
reading-not-whole = Показание — целое число кВт·ч, как на счётчике, без цифр после запятой и без букв. Например: { $example }.
reading-too-many-digits = На этом счётчике { $digits } цифр до запятой — в показании их не может быть больше. Проверьте значение.
reading-below-previous = { $value } меньше последнего принятого показания ({ $previous }). Проверьте значение и введите его ещё раз.
reading-confirm-rollover = { $value } меньше последнего принятого показания ({ $previous }). Если счётчик дошёл до максимума и начал счёт с нуля, расход составит { $consumption } кВт·ч. Так и было?
reading-confirm-jump = С показанием { $value } расход составит { $consumption } кВт·ч — намного больше обычного ({ $usual } кВт·ч в месяц). Всё верно?
reading-confirm = Да, верно
reading-correct = Исправить
readings-summary =
    Проверьте показания по счёту { $account }:
    { $rows }
readings-summary-row = { $meter }, { $zone }: { $value } (расход { $consumption } кВт·ч)
readings-send = Передать
readings-correct = Исправить
readings-saved = { $replaced ->
    [yes] Показания приняты { $at } и заменили переданные ранее в этом месяце.
   *[no] Показания приняты { $at }.
}
readings-offer-mail = Отправить подтверждение на { $email }?
readings-mail-yes = Да, отправить
readings-mail-no = Не нужно
readings-mail-sent = Подтверждение отправлено на { $email }.
readings-kept = Показания приняты { $at } и будут переданы в биллинг, как только он ответит: сейчас он недоступен. О результате сообщу здесь.
readings-refused-closed = показания за { $period } уже учтены при расчёте.
readings-refused-by-billing = Биллинг не принял показания: { $reason }
readings-refused-unknown-meter = Биллинг не принял показания: счётчик больше не числится на этом лицевом счёте. Откройте «Передать показания» снова, чтобы увидеть счётчики по счёту.

mail-readings-subject = Показания по лицевому счёту { $account } приняты
mail-readings-body =
    Здравствуйте!

    { $at } (время московское) по лицевому счёту { $account } через { -bot } переданы показания:
    { $rows }

    Это письмо отправлено автоматически, отвечать на него не нужно.

## readings-history

action-history = История показаний
help-history = • показать историю показаний с графиком расхода (/history);
intent-history = история показ | прошлые показ | предыдущие показ | график | расход | потреблен

channel-bank = банк
channel-site = сайт
channel-app = приложение
channel-eReceipt = электронная квитанция
channel-office = центр обслуживания
channel-telegram = Telegram
channel-max = MAX
channel-webchat = чат на сайте
channel-other = { $channel }
history-not-linked = История показаний доступна для привязанного лицевого счёта. Привяжите счёт, чтобы её смотреть.
history-ask-period = За какой период показать историю показаний по счёту { $account }?
history-last-6 = Последние 6 месяцев
history-last-12 = Последние 12 месяцев
history-all = С января 2015 года
history-custom = Указать период
history-ask-range = Введите начало и конец периода — месяц и год, например: { $example }.
period-format = Не получилось прочитать период. Введите месяц и год начала и конца, например: { $example }.
period-too-early = История показаний хранится с января 2015 года. Выберите период не раньше 01.2015.
period-in-future = Конец периода ещё не наступил. Выберите период не позже текущего месяца.
period-reversed = Начало периода позже его конца. Например: { $example }.
history-empty = За { $from }–{ $to } показаний нет.
chart-title = Расход по счёту { $account }, { $from }–{ $to }
chart-unit = кВт·ч
history-chart-caption = Расход электроэнергии по месяцам, { $from }–{ $to }.
history-page = История показаний по счёту { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(страница { $page } из { $pages })
}
history-column-date = Дата
history-column-meter = Счётчик
history-column-value = Показание
history-column-consumption = кВт·ч
history-column-channel = Тип ввода
history-meter-zone = { $meter }, { $zone }
history-value = { $value }{ $accepted ->
    [yes] {" "}✅
   *[no] {""}
}{ $photo ->
    [yes] {" "}📷
   *[no] {""}
}
history-accepted-note = ✅ — показание учтено при расчёте; 📷 — к показанию приложено фото счётчика.
history-more = Показать ещё
history-csv = Скачать CSV
history-done = Готово
history-csv-caption = История показаний за { $from }–{ $to } в CSV.
csv-header = Счётчик;Зона;Период;Дата передачи;Тип ввода;Показание;Расход, кВт·ч;Учтено при расчёте
csv-date = { $at }

## pushes

push-readings-accepted = Показания по лицевому счёту { $account } за { $period } учтены при расчёте ✅
push-readings-handed-over = Показания по лицевому счёту { $account } за { $period } переданы в биллинг.
push-readings-refused = Биллинг не принял показания по лицевому счёту { $account } за { $period }: { $reason }

## interruptions of supply (issue 29)
push-interruption-planned =
    ⚡ Плановое отключение электроэнергии: { $area }.
    С { $from } до { $until }. Причина: { $reason }.
push-interruption-emergency =
    ⚡ Аварийное отключение электроэнергии: { $area }.
    С { $from }, восстановление ожидается к { $until }. Причина: { $reason }.
push-interruption-until = ⚡ Отключение электроэнергии ({ $area }): восстановление теперь ожидается к { $until }.
push-interruption-ended = ✅ Электроснабжение восстановлено ({ $area }), { $at }.
push-payment-posted = Платёж { $amount } от { $at } зачислен на лицевой счёт { $account }.
push-account-changed =
    Изменились данные лицевого счёта { $account }:
    { $changes }
push-account-changed-address = • адрес: { $address }
push-account-changed-email = • e-mail: { $email }
push-account-changed-email-none = • e-mail: больше не указан

## charges-and-payments

action-charges = Начисления и платежи
action-payments = История платежей
help-charges = • показать начисления и платежи по месяцам (/charges);
help-payments = • показать историю платежей (/payments);
intent-charges = начислен | начисления и платежи | сколько начислили | счета за
intent-payments = история плат | мои платеж | платежи* | когда платил | когда я платил | история оплат | прошлые оплат | список плат | мой платеж | где платеж | где оплат | дошел платеж | дошла оплат | платеж не | оплата не

statements-not-linked = Начисления и платежи доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их смотреть.
charges-ask-period = За какой период показать начисления и платежи по счёту { $account }?
payments-ask-period = За какой период показать историю платежей по счёту { $account }?
charges-empty = За { $from }–{ $to } начислений нет.
payments-empty = За { $from }–{ $to } платежей нет.
charges-page = Начисления и платежи по счёту { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(страница { $page } из { $pages })
}
charges-column-month = Месяц
charges-column-opening = Входящее сальдо
charges-column-charged = Начислено
charges-column-paid = Оплачено
charges-column-closing = Исходящее сальдо
balance-value = { $state ->
    [debt] долг { $amount }
    [credit] переплата { $amount }
   *[zero] { $amount }
}
payment-cell = { $amount } ({ $at }, { $source })
payments-page = История платежей по счёту { $account }, { $from }–{ $to }{ $pages ->
    [1] {""}
   *[other] {" "}(страница { $page } из { $pages })
}
payments-column-date = Дата
payments-column-amount = Сумма
payments-column-source = Источник
charges-csv-header = Год;Месяц;Входящее сальдо (долг);Начислено;Дата платежа;Сумма платежа;Исходящее сальдо (долг);Источник оплаты
payments-csv-header = Дата платежа;Сумма платежа;Источник оплаты
charges-csv-caption = Начисления и платежи за { $from }–{ $to } в CSV.
payments-csv-caption = История платежей за { $from }–{ $to } в CSV.

## receipts

action-receipts = Квитанции
action-monthly = Квитанция каждый месяц
help-monthly = • присылать квитанцию сюда каждый месяц или перестать (/monthly);
help-receipts = • прислать квитанцию за любой месяц в PDF с QR-кодом для оплаты (/receipts);
intent-receipts = квитанц | квитки | квиток | счет на оплату | платежк | pdf | архив квитанц | счет за свет | счет не пришел
intent-monthly = присылать квитанц | каждый месяц | ежемесячн | квитанцию сюда | подписаться на квитанц

receipts-not-linked = Квитанции доступны для привязанного лицевого счёта. Привяжите счёт, чтобы их получать.
receipts-ask = Квитанция по счёту { $account }: выберите месяц или введите его, например: { $example } или «октябрь 2026».
receipts-month = { $period }
receipts-other-month = Другой месяц
receipts-not-typed = Введите месяц цифрами, например: { $example }, — или выберите его на кнопке.
month-format = Не получилось прочитать месяц. Введите его так: { $example } или «октябрь 2026».
receipts-too-early = Квитанции хранятся с января 2015 года, за { $period } квитанции нет.
receipts-not-billed = Квитанция за { $period } ещё не выставлена: последняя — за { $last }.
receipts-not-electronic = Квитанции за { $period } в архиве нет: до { $paperUntil } в архиве все квитанции, а с мая 2020 года — только полученные в электронном виде (услуга «Электронная квитанция»). Доступны: { $available }.
receipts-missing = По счёту нет начислений за { $period }, поэтому квитанции за этот месяц нет.
receipt-caption = Квитанция по счёту { $account } за { $period }: начислено { $charged }, к оплате { $total } до { $due }.
monthly-receipt-turn-on = Присылать сюда каждый месяц
monthly-receipt-turn-off = Не присылать каждый месяц
monthly-receipt-on = Квитанция по счёту { $account } будет приходить в этот чат каждый месяц, как только её выставят.
monthly-receipt-off = Квитанция по счёту { $account } не приходит в этот чат сама. Её всегда можно запросить в разделе «Квитанции».
push-monthly-receipt =
    Выставлена квитанция за { $period }.
    { $summary }

receipt-title = Квитанция на оплату электроэнергии за { $period }
receipt-supplier = Поставщик
receipt-supplier-details = ИНН { $inn }, КПП { $kpp }, р/с { $bankAccount } в { $bankName }, БИК { $bic }, к/с { $correspondentAccount }
receipt-supplier-contacts = { $address }, тел. { $phone }
receipt-payer = Плательщик
receipt-account = Лицевой счёт
receipt-address = Адрес
receipt-residents = Прописано, чел.
receipt-period = Расчётный период
receipt-column-meter = Счётчик, зона
receipt-column-previous = Предыдущие
receipt-column-current = Текущие
receipt-column-consumption = Расход, кВт·ч
receipt-column-tariff = Тариф за кВт·ч
receipt-column-amount = Сумма
receipt-recalculation = Перерасчёт
receipt-opening = Сальдо на начало периода
receipt-paid = Оплачено в периоде
receipt-charged = Начислено за период
receipt-total = Итого к оплате до { $due }
receipt-qr-hint = Отсканируйте QR-код в приложении банка: реквизиты, лицевой счёт и сумма заполнятся сами.
receipt-qr-purpose = Оплата электроэнергии, л/с { $account }, период { $period }

mail-e-receipt-subject = Квитанция за { $period } по лицевому счёту { $account }
mail-e-receipt-body =
    Здравствуйте!

    Выставлена квитанция за { $period } по лицевому счёту { $account } — она во вложении.
    Оплатить и передать показания можно в чате { -bot }: ссылки ниже открывают нужное действие и действуют 30 дней.

    Это письмо отправлено автоматически, отвечать на него не нужно.
mail-e-receipt-pay = Оплатить
mail-e-receipt-readings = Передать показания
mail-e-receipt-web-chat = Открыть чат на сайте
mail-e-receipt-max = Открыть в MAX

link-token-invalid = Ссылка из письма устарела или повреждена: такие ссылки действуют 30 дней. Выберите действие в меню.
link-token-not-linked = Ссылка из письма — для лицевого счёта { $account }, а он не привязан к этому чату. Передайте показания по номеру счёта или привяжите счёт.

## e-receipt

action-ereceipt = Электронная квитанция
help-ereceipt = • подключить электронную квитанцию, сменить её e-mail или отказаться от неё (/ereceipt);
intent-ereceipt = электронная квитанц | квитанция на почт | квитанцию на email | квитанция на e-mail | подписаться на электронн | отказаться от электронн | отписаться | e-receipt

e-receipt-not-linked = Электронная квитанция подключается к привязанному лицевому счёту. Привяжите счёт, чтобы ею управлять.
e-receipt-off = По счёту { $account } квитанция приходит на бумаге. С электронной квитанцией она будет приходить на e-mail, а в архиве будут все квитанции с момента подключения.
e-receipt-subscribe = Подключить электронную квитанцию
e-receipt-consent = Квитанции по адресу { $address } будут приходить на e-mail вместо бумажных. Подтверждаете адрес и соглашаетесь получать квитанции в электронном виде?
e-receipt-consent-yes = Да, подтверждаю
e-receipt-nothing-changed = Ничего не изменилось.
e-receipt-ask-email = На какой e-mail присылать квитанции? У счёта указан { $email }.
e-receipt-keep-email = На { $email }
e-receipt-other-email = Другой адрес
e-receipt-type-email = Введите e-mail для квитанций, например: ivanova@mail.ru.
e-receipt-email-not-typed = Введите e-mail текстом, например: ivanova@mail.ru.
email-invalid = Это не похоже на адрес электронной почты. Введите его полностью, например: { $example }.
e-receipt-on = По счёту { $account } подключена электронная квитанция: она приходит на { $email } с { $since }.
e-receipt-change-email = Сменить e-mail
e-receipt-unsubscribe = Отказаться от электронной квитанции
e-receipt-ask-new-email = Введите новый e-mail для квитанций, например: ivanova@mail.ru. Пока вы не перейдёте по ссылке из письма на новый адрес, квитанции будут приходить на прежний.
e-receipt-same-email = Квитанции уже приходят на этот адрес. Введите другой e-mail.
e-receipt-ask-reason = Почему вы отказываетесь от электронной квитанции?
e-receipt-reason-paper = Удобнее бумажная
e-receipt-reason-no-mail = Письма не приходят
e-receipt-reason-too-many = Слишком много писем
e-receipt-reason-other = Другая причина
e-receipt-type-reason = Напишите причину в нескольких словах (до { $max } символов).
e-receipt-reason-too-long = Причина длиннее { $max } символов. Напишите, пожалуйста, короче.
e-receipt-unsubscribe-confirm = Без электронной квитанции квитанции снова будут приходить на бумаге, а вы откажетесь от управления дополнительными лицевыми счетами и от архива квитанций за следующие месяцы. Отказаться?
e-receipt-unsubscribe-yes = Да, отказаться
e-receipt-keep = Оставить электронную квитанцию
e-receipt-link-sent = Отправил письмо на { $email }: перейдите по ссылке из него в течение 24 часов. Пока вы этого не сделаете, ничего не изменится.
e-receipt-subscribed = Электронная квитанция по счёту { $account } подключена: квитанции начиная с { $since } будут приходить на { $email }.
e-receipt-email-changed = E-mail электронной квитанции по счёту { $account } изменён: теперь квитанции приходят на { $email }.
e-receipt-unsubscribed = Вы отказались от электронной квитанции по счёту { $account }. Бумажные квитанции снова будут приходить начиная с { $paperFrom }.
mail-e-receipt-subscribe-subject = Подтвердите подключение электронной квитанции
mail-e-receipt-subscribe-body =
    Здравствуйте!

    Чтобы квитанции по лицевому счёту { $account } приходили на этот адрес, перейдите по ссылке (она действует 24 часа):
    { $url }

    Если вы ничего не подключали, просто не обращайте внимания на это письмо.
mail-e-receipt-change-subject = Подтвердите новый адрес для электронной квитанции
mail-e-receipt-change-body =
    Здравствуйте!

    Чтобы квитанции по лицевому счёту { $account } приходили на этот адрес, перейдите по ссылке (она действует 24 часа):
    { $url }

    Пока вы не перейдёте по ссылке, квитанции приходят на прежний адрес.
mail-e-receipt-unsubscribe-subject = Подтвердите отказ от электронной квитанции
mail-e-receipt-unsubscribe-body =
    Здравствуйте!

    Чтобы отказаться от электронной квитанции по лицевому счёту { $account }, перейдите по ссылке (она действует 24 часа):
    { $url }

    Если вы не отказывались, просто не обращайте внимания на это письмо: ничего не изменится.
e-receipt-page-title = { -supplier }: подтверждение по ссылке из письма
e-receipt-page-ask = Нажмите кнопку, чтобы подтвердить изменение.
e-receipt-page-confirm = Подтвердить
e-receipt-page-unknown = Ссылка не найдена: возможно, она скопирована не полностью. Запросите новую в чате.
e-receipt-page-expired = Срок действия ссылки истёк: ссылки действуют 24 часа. Запросите новую в чате.
e-receipt-page-used = Эта ссылка уже использована: изменение было подтверждено раньше.

## appeals

action-appeal = Написать обращение
action-appeals = Мои обращения
help-appeal = • написать обращение в компанию — ответ придёт сюда и на e-mail (/appeal);
help-appeals = • показать мои обращения за три месяца с ответами, дополнить обращение (/appeals);
intent-appeal = обращени | написать обращени | жалоб | пожаловаться | задать вопрос | вопрос специалист | написать в компани | претензи | заявлени | вопрос
intent-appeals = мои обращени | ответ на обращени | статус обращени | где ответ | ответ оператор | моей жалоб | мою жалоб | моя жалоб | мое обращени | моему обращени | моим обращени

appeal-topic-readings = Показания счётчика
appeal-topic-payment = Оплата и баланс
appeal-topic-receipts = Квитанции
appeal-topic-meter = Замена счётчика
appeal-topic-connection = Подключение
appeal-topic-outage = Нет электроснабжения
appeal-topic-other = Другое
appeal-status-received = получено
appeal-status-answered = есть ответ
appeal-status-closed = закрыто
appeal-field-account = Лицевой счёт
appeal-field-address = Адрес
appeal-field-locality = Населённый пункт
appeal-field-topic = Тема
appeal-field-name = Имя
appeal-field-email = E-mail для ответа
appeal-field-phone = Телефон
appeal-field-message = Сообщение
appeal-email-only-short = только e-mail
appeal-draft-kept = У вас есть неотправленный черновик обращения от { $at }. Продолжить его?
appeal-draft-continue = Продолжить черновик
appeal-draft-new = Начать заново
appeal-draft-title = Черновик обращения
appeal-draft-message =
    Ваше сообщение:
    { $message }

    Проверьте, всё ли верно. Отправить обращение?
appeal-send = Отправить обращение
appeal-edit = Изменить
appeal-drop = Удалить черновик
appeal-dropped = Черновик удалён.
appeal-edit-which = Что изменить?
appeal-ask-who = Вы клиент компании? Если знаете номер лицевого счёта, обращение будет привязано к нему.
appeal-who-customer = Да, знаю номер счёта
appeal-who-other = Не клиент компании
appeal-ask-locality = Укажите населённый пункт, например: г. Воронеж.
appeal-type-please = Здесь нужно ввести ответ текстом.
appeal-ask-topic = Выберите тему обращения:
appeal-ask-name = Представьтесь, пожалуйста: как к вам обращаться?
appeal-ask-email = Введите e-mail, на который прислать ответ, например: ivanova@mail.ru.
appeal-ask-email-kept = Ответ придёт на { $email }. Оставить этот адрес или ввести другой?
appeal-keep-email = Оставить { $email }
appeal-ask-phone = Введите номер мобильного телефона для связи, например: +7 900 123-45-67, — или выберите ответ только по e-mail.
appeal-email-only = Отвечать только по e-mail
appeal-ask-address = Укажите улицу, дом и квартиру в населённом пункте { $locality }, по которым у вас вопрос, например: ул. Кольцовская, д. 24, кв. 17.
appeal-ask-message =
    Напишите ваш вопрос (до { $max } символов). Постарайтесь изложить его кратко и понятно, без того, что не относится к делу, и не указывайте персональные данные людей, которые не давали на это согласия. Чем чётче вопрос, тем быстрее ответ.
appeal-message-too-short = Сообщение слишком короткое: напишите хотя бы { $min } символов, чтобы специалист понял вопрос.
appeal-message-too-long = Сообщение длиннее { $max } символов (в нём { $length }). Сократите его, пожалуйста: введённое раньше сохранено.
appeal-name-invalid = Не получилось прочитать имя. Напишите, как к вам обращаться, буквами, например: { $example }.
appeal-phone-invalid = Это не номер мобильного телефона. Введите его так: { $example }, — или выберите ответ только по e-mail.
appeal-place-invalid = Не получилось прочитать адрес. Напишите его словами, например: { $example }.
appeal-paused = Слишком много неверных номеров лицевого счёта. Попробуйте после { $until } (время московское) или напишите обращение как «Не клиент компании».
appeal-not-matched =
    Такого лицевого счёта не нашлось: проверьте номер по квитанции.
    { $remaining ->
        [one] Осталась { $remaining } попытка.
        [few] Осталось { $remaining } попытки.
       *[other] Осталось { $remaining } попыток.
    }
appeal-filed = Обращение отправлено, его номер { $number }. Номер отправлен и на { $email }; ответ придёт сюда и на почту.
appeal-open = Открыть обращение
mail-appeal-filed-subject = Обращение { $number } принято
mail-appeal-filed-body =
    Здравствуйте, { $name }!

    Ваше обращение принято, его номер { $number }. Сохраните номер: он может понадобиться при решении вопроса.
    Ответ специалиста придёт на этот адрес и в чат, из которого отправлено обращение.

    Ваше сообщение:
    { $message }
appeals-none = За последние три месяца обращений из этого чата нет.
appeals-list = Ваши обращения за последние три месяца: { $count }. Выберите обращение, чтобы открыть переписку.
appeals-item = { $number } · { $topic } · { $status }
appeals-not-found = Обращение { $number } не найдено среди обращений из этого чата.
appeals-thread =
    Обращение { $number } · { $topic } · { $status }
    { $messages }
appeals-thread-customer = — Вы, { $at }: { $text }
appeals-thread-operator = — Специалист, { $at }: { $text }
appeals-add = Дополнить обращение
appeals-all = Все обращения
appeals-closed = Обращение { $number } закрыто. Если вопрос остался, напишите новое обращение.
appeals-ask-addition = Напишите, что добавить к обращению { $number } или какой вопрос задать.
appeals-added = Добавлено к обращению { $number }. Специалист увидит это в переписке.
appeal-field-attachments = Вложения
appeal-no-attachments = нет
appeal-files-later = Сначала напишите сообщение текстом: фотографии и документы можно будет прикрепить следующим шагом.
attach-ask = Прикрепите фотографии или документы, если они нужны специалисту (фото счётчика, квитанция, скан): до { $maxFiles } файлов, до { $size } МБ каждый, изображения (JPEG, PNG, WebP, GIF) или PDF. Или нажмите «Без вложений».
attach-more =
    Прикреплено файлов: { $count } из { $maxFiles }:
    { $files }
    Пришлите ещё или нажмите «Готово».
attach-none = Без вложений
attach-done = Готово
attach-clear = Убрать все файлы
attach-not-file = Здесь нужен файл: фотография или документ (изображение или PDF, до { $size } МБ). Если файлов нет, нажмите кнопку под вопросом.
attach-refused = Файл «{ $name }» не прикреплён: { $reason }
attach-too-many = Можно прикрепить не больше { $max } файлов; не прикреплено: { $left }.
attach-full = Прикреплено { $max } файлов: больше прикрепить нельзя.
attach-item = 📎 { $name } ({ $size } МБ)
attachment-empty = файл пустой.
attachment-wrong-type = такой тип файла не принимается. Пришлите изображение (JPEG, PNG, WebP, GIF) или PDF.
attachment-too-large = файл весит { $size } МБ, а можно не больше { $max } МБ. Уменьшите его или пришлите снимок страницы.
attachment-over-limit = файл больше { $max } МБ, а столько не принимается. Уменьшите его или пришлите снимок страницы.
attachment-form-malformed = форма с файлами пришла повреждённой; отправьте её ещё раз.
attachment-unavailable = файл не удалось получить. Пришлите его ещё раз.
attachment-too-many = не больше { $max } файлов в одном ответе.
attachment-refused-named = файл «{ $name }»: { $reason }
appeals-files = Файлы переписки ({ $count })
appeals-file-customer = { $name } — ваш файл к обращению { $number }
appeals-file-operator = { $name } — файл специалиста к обращению { $number }
appeals-files-sent = Это файлы переписки по обращению { $number }.
appeals-nothing-added = К обращению { $number } ничего не добавлено.
mail-appeal-customer = Лицевой счёт { $account }, адрес: { $address }
mail-appeal-non-customer = Не клиент компании. Населённый пункт: { $locality }, адрес: { $address }
mail-appeal-new-subject = [{ $number }] Новое обращение: { $topic }
mail-appeal-new-body =
    Обращение { $number } из чата { -bot }.
    Тема: { $topic }
    Имя: { $name }
    E-mail: { $email }
    Телефон: { $phone }
    { $place }

    Сообщение:
    { $message }

    Чтобы ответить клиенту, ответьте на это письмо: ответ придёт ему в чат и на e-mail.
mail-appeal-addition-subject = Re: [{ $number }] Новое обращение: { $topic }
mail-appeal-addition-body =
    Клиент дополнил обращение { $number }:

    { $addition }

    Чтобы ответить клиенту, ответьте на это письмо.
mail-appeal-answer-copy-body =
    Обращение { $number }: ответ клиенту дан ({ $route }, { $operator }).

    { $answer }

    Ответ ушёл клиенту в чат и на e-mail. Отвечать ещё раз не нужно.
appeal-route-desk = рабочее место оператора
appeal-route-api = API
appeal-route-mail = ответ по почте
mail-appeal-overdue-subject = [{ $number }] Нет ответа больше { $hours } ч
mail-appeal-overdue-body =
    Обращение { $number } получено { $filedAt } (время московское) и за { $hours } ч не получило ответа.

    Открыть на рабочем месте оператора: { $link }
appeals-reply = Ответить
push-appeal-answered =
    Ответ на обращение { $number }:
    { $answer }
push-file-caption = 📎 { $name }
push-appeal-reopened = Обращение { $number } снова открыто: специалист продолжает работу с ним.
push-appeal-closed = Обращение { $number } закрыто. Если вопрос остался, напишите новое обращение.
mail-appeal-answered-subject = Ответ на обращение { $number }
mail-appeal-answered-body =
    Здравствуйте, { $name }!

    Ответ специалиста на ваше обращение { $number }:

    { $answer }

    Ответ пришёл и в чат, из которого отправлено обращение: там можно дополнить обращение или задать уточняющий вопрос.

## live operator (issue 30)

action-operator = Позвать оператора
help-operator = • поговорить с оператором в чате, в часы его работы (/operator);
intent-operator = оператор | позовите оператор | позвать оператор | живой человек | живым человеком | с человеком | позовите человека | соедините с оператор | связаться с оператор | поговорить с оператор | поговорить с человеком | консультант | специалист*
live-none = В чате сейчас не работают операторы. Напишите обращение — ответ придёт сюда и на e-mail.
live-closed =
    Операторы отвечают в чате:
    { $hours }
    Сейчас можно написать обращение — ответ придёт сюда и на e-mail.
live-nobody = Сейчас нет свободных операторов. Напишите обращение — ответ придёт сюда и на e-mail.
live-queued = Вы в очереди к оператору: { $position }-й. Ожидание — около { $minutes } мин. Напишите, что случилось, — оператор увидит это, как только подключится.
live-queue-moved = Очередь продвинулась: вы { $position }-й. Ожидание — около { $minutes } мин.
live-talking-already = Вы уже разговариваете с оператором: пишите, он видит ваши сообщения.
live-operator-joined = Оператор подключился к разговору. Пишите ваш вопрос.
live-operator-says =
    💬 Оператор:
    { $text }
live-operator-files = 💬 Оператор прислал файлы:
live-ended-by-operator = Оператор завершил разговор. Если вопрос остался, позовите оператора снова или напишите обращение.
live-ended = Разговор с оператором завершён.
live-queue-closed = Операторы сейчас не могут ответить в чате. Ваш вопрос можно отправить обращением — ответ придёт сюда и на e-mail.
live-left-queue = Вы вышли из очереди к оператору.
live-none-open = Разговора с оператором нет.
live-not-delivered = Разговор с оператором уже завершён: это сообщение ему не передано. Его можно отправить обращением.
live-not-passed = Оператору можно передать текст, фотографию или документ (изображение или PDF).
live-write-appeal = Написать обращение
live-end = Завершить разговор
live-leave-queue = Выйти из очереди
live-day-1 = пн
live-day-2 = вт
live-day-3 = ср
live-day-4 = чт
live-day-5 = пт
live-day-6 = сб
live-day-7 = вс
live-days = { $first }–{ $last }
live-shift = { $days } { $from }–{ $until }

## desk

desk-title = Обращения — рабочее место оператора
desk-sign-in-title = Вход для операторов
desk-login = Логин
desk-password = Пароль
desk-sign-in = Войти
desk-sign-in-failed = Неверный логин или пароль.
desk-sign-in-paused = Слишком много неудачных попыток входа с этого адреса. Попробуйте через 15 минут.
desk-session-expired = Сеанс истёк. Войдите снова.
desk-new-password-title = Задайте свой пароль
desk-current-password = Текущий пароль (выданный или ваш)
desk-current-password-wrong = Текущий пароль неверен: пароль не изменён.
desk-new-password = Новый пароль (не короче 12 символов)
desk-password-too-short = Пароль должен быть не короче 12 символов.
desk-save = Сохранить
desk-sign-out = Выйти
desk-empty = Обращений нет.
desk-number = Номер
desk-back = ← Все обращения
desk-from-customer = Клиент, { $at }
desk-from-operator = Оператор, { $at }
desk-answer = Ответ клиенту (придёт в чат, из которого отправлено обращение, и на e-mail)
desk-send = Отправить ответ
desk-file-size = { $size } МБ
desk-files = Файлы к ответу (до { $max }, до { $size } МБ каждый: изображения или PDF)
desk-answer-refused = Ответ не отправлен: { $reason } Текст ответа сохранён ниже.
desk-answer-repeated = такой же ответ уже отправлен { $at }. Если его нужно отправить ещё раз, нажмите «Отправить ответ» снова.
desk-close = Закрыть обращение
## Desk for a team (issue 30): the queue's search and filters, taking an appeal, notes, canned answers, statistics
desk-page-title-fresh = ({ $count }) { $title }
desk-thread-title = Обращение { $number }
desk-nav-queue = Обращения
desk-nav-fresh = Новые: { $count }
desk-nav-canned = Заготовки ответов
desk-nav-stats = Статистика
desk-queue-title = Обращения
desk-search = Поиск
desk-search-example = номер обращения, лицевой счёт, телефон, e-mail или часть имени
desk-search-everywhere = Искать во всех статусах
desk-filter-status = Статус
desk-filter-status-all = все
desk-filter-topic = Тема
desk-filter-topic-all = все темы
desk-filter-channel = Канал
desk-filter-channel-all = все каналы
desk-filter-age = Поступило
desk-filter-age-any = когда угодно
desk-filter-age-1 = больше суток назад
desk-filter-age-3 = больше 3 дней назад
desk-filter-age-7 = больше 7 дней назад
desk-filter-assignee = В работе
desk-filter-assignee-anyone = у кого угодно
desk-filter-assignee-mine = у меня
desk-filter-assignee-nobody = ни у кого
desk-filter-follow-up = только с новым сообщением клиента
desk-find = Найти
desk-filters-reset = Сбросить
desk-shown = Показаны { $from }–{ $to } из { $total }
desk-page-previous = ← Предыдущие
desk-page-next = Следующие →
desk-column-channel = Канал и язык
desk-column-assignee = В работе у
desk-column-waiting = Ожидание
desk-channel-telegram = Telegram
desk-channel-max = MAX
desk-channel-webchat = Веб-чат
desk-channel-language = { $channel } · { $language }
desk-nobody = —
desk-row-waiting =
    { $hours ->
        [0] ждёт меньше часа
       *[other] ждёт { $hours } ч
    }
desk-row-answered-after =
    { $hours ->
        [0] ответ в течение часа
       *[other] ответ через { $hours } ч
    }
desk-row-closed = закрыто
desk-follow-up-badge = новое сообщение клиента
desk-follow-up-since = Клиент написал { $at }: ждёт ответа.
desk-field-channel = Канал и язык клиента
desk-field-assignee = В работе
desk-assignee-nobody = никто не взял
desk-assignee-me = у вас ({ $login })
desk-assignee-other = У оператора { $login }
desk-take = Взять в работу
desk-release = Освободить
desk-take-refused = Обращение уже взял в работу { $login }.
desk-from-operator-signed = Оператор { $name } · { $route }, { $at }
desk-from-note = Заметка (клиент не видит) · { $name }, { $at }
desk-from-note-unsigned = Заметка (клиент не видит), { $at }
desk-canned-choose = Заготовка ответа
desk-canned-insert = Вставить
desk-canned-none = Заготовок ответов пока нет.
desk-note = Заметка для операторов (клиент её не увидит)
desk-note-add = Добавить заметку
desk-note-refused = Заметка не сохранена: напишите её, до { $max } символов.
desk-reopen = Открыть снова
desk-appeal-not-found = Такого обращения нет.
desk-file-not-found = Такого файла нет.
desk-canned-title = Заготовки ответов
desk-canned-empty = Заготовок пока нет: добавьте первую в форме ниже.
desk-canned-column-title = Название
desk-canned-column-text = Текст
desk-canned-edit = Изменить
desk-canned-delete = Удалить
desk-canned-form-title = Добавить или изменить заготовку
desk-canned-form-hint = Заготовка с тем же названием заменяется новым текстом. На странице обращения её вставляют в ответ и правят перед отправкой.
desk-canned-field-title = Название (до { $max } символов)
desk-canned-field-text = Текст ответа (до { $max } символов)
desk-canned-save = Сохранить заготовку
desk-canned-refused = Заготовка не сохранена: нужны название (до { $title } символов) и текст (до { $text } символов).
desk-stats-title = Статистика обращений
desk-stats-period = Период
desk-stats-days =
    последние { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
desk-stats-show = Показать
desk-stats-filed =
    Поступило за { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }: { $count }
desk-stats-by-status = Статус
desk-stats-by-topic = Тема
desk-stats-column-count = Обращений
desk-stats-speed = Первый ответ
desk-stats-answered = Получили ответ
desk-stats-median = Медиана времени до первого ответа
desk-stats-p90 = 90-й процентиль времени до первого ответа
desk-stats-hours = { $hours } ч
desk-stats-no-hours = —
desk-stats-overdue = Просрочено (ждут ответа дольше { $hours } ч): { $count }
desk-stats-overdue-link = Открыть очередь
desk-stats-note = Статусы, темы и время до первого ответа (с любого пути: рабочее место, API, почта) — по обращениям, поступившим за период. Просроченные — все, что ждут ответа сейчас, когда бы ни поступили.
## desk: live chat (issue 30)
desk-live-nav = Чат с клиентами
desk-live-nav-count = Чат с клиентами ({ $count })
desk-live-title = Чат с клиентами
desk-live-on-duty = Пока открыта эта страница или разговор, вы на смене: клиенты могут позвать оператора и встать в очередь. Очередь обновляется каждые { $seconds } с.
desk-live-queue = Очередь: { $count }
desk-live-queue-empty = В очереди никого нет.
desk-live-column-place = Место
desk-live-column-since = Ждёт с
desk-live-column-first = Клиент написал
desk-live-waited = { $at } ({ $minutes } мин)
desk-live-first-files = 📎 файлов: { $count }
desk-live-take = Взять
desk-live-mine = Мои разговоры
desk-live-mine-none = Сейчас вы ни с кем не разговариваете.
desk-live-taken-at = взят { $at }
desk-live-refresh = Обновить
desk-live-chat-title = Разговор { $id }
desk-live-back = ← Чат с клиентами
desk-live-status-waiting = Клиент ждёт оператора с { $at }.
desk-live-status-mine = Разговор ведёте вы, с { $at }.
desk-live-status-other = Разговор ведёт оператор { $login }, с { $at }: писать клиенту может только он.
desk-live-status-ended-customer = Разговор завершён { $at }: его завершил клиент.
desk-live-status-ended-operator = Разговор завершён { $at }: его завершил оператор.
desk-live-status-ended-nobody = Разговор завершён { $at }: в очереди его никто не взял (часы работы кончились или операторов не было).
desk-live-ended-now = Разговор завершён: новые сообщения клиенту уже не отправить.
desk-live-poll-failed = Не удалось получить новые сообщения, попробуем снова через несколько секунд.
desk-live-from-customer = Клиент, { $at }
desk-live-from-operator = Оператор { $login }, { $at }
desk-live-say = Сообщение клиенту (придёт в его чат)
desk-live-send = Отправить
desk-live-end = Завершить разговор
desk-live-say-empty = Сообщение не отправлено: напишите текст (до { $max } символов) или приложите файл.
desk-live-not-yours = Сообщение не отправлено: писать в разговор может только оператор, который его ведёт, и только пока разговор не завершён.
desk-live-end-not-yours = Завершить разговор может только оператор, который его ведёт.
desk-live-kept = Ваш текст не отправлен — его можно скопировать:
desk-live-not-found = Такого разговора нет.
desk-live-take-refused = Разговор { $id } уже взял оператор { $login }.
desk-live-take-gone = Разговор { $id } уже завершён: клиент вышел из очереди.
## Desk: readings with meter photos (issue 27)
desk-readings-link = Показания с фото
desk-readings-title = Показания, переданные с фото счётчика
desk-readings-title-account = Показания с фото по счёту { $account }
desk-readings-account = Лицевой счёт
desk-readings-find = Показать
desk-readings-empty = Показаний с фото нет.
desk-readings-column-at = Передано
desk-readings-column-account = Счёт
desk-readings-column-period = Период
desk-readings-column-values = Показания
desk-readings-column-outcome = Биллинг
desk-readings-column-photos = Фото
desk-readings-at = { $at }
desk-readings-entry = { $meter }, { $zone }: { $value }
desk-readings-photo-alt = Фото счётчика { $meter }
desk-readings-outcome-pending = ещё передаются
desk-readings-outcome-taken = приняты
desk-readings-outcome-refused = не приняты

## pay

action-pay = Оплатить
help-pay = • принять оплату картой по ссылке — по привязанному счёту или по номеру любого счёта — и сообщить, когда она пройдёт (/pay);
intent-pay = оплатить | оплата | оплачу | заплатить | платить | внести деньги | погасить | хочу заплатить | ссылк на оплат

pay-without-link = Оплатить можно и без привязки чата: понадобится номер лицевого счёта.
pay-without-link-account = Оплата по лицевому счёту { $account } без привязки чата.
pay-not-matched =
    Такого лицевого счёта не нашлось: проверьте номер по квитанции.
    { $remaining ->
        [one] Осталась { $remaining } попытка.
        [few] Осталось { $remaining } попытки.
       *[other] Осталось { $remaining } попыток.
    }
pay-paused = Слишком много неудачных попыток найти или подтвердить лицевой счёт. Оплатить без привязки можно будет после { $until } (время московское); по привязанному счёту — в любой момент.
pay-ask-consent = Чтобы оплатить без привязки, примите условия соглашения об использовании диджитал-сервисов { -supplier } и дайте согласие на обработку персональных данных.
pay-consent-declined = Без согласия оплату без привязки принять нельзя. Вы можете вернуться к этому в любой момент.
pay-confirm-typed = Оплатить { $amount } по лицевому счёту { $account }?
pay-proposal =
    К оплате по лицевому счёту { $account } рекомендуется { $recommended }:
    • задолженность: { $debt };
    • предварительный расчёт за текущий месяц: { $estimate } — с ним долга не возникнет, когда месяц будет начислен.
    Можно оплатить только задолженность или ввести свою сумму.
pay-recommended = Оплатить { $amount }
pay-debt-only = Только задолженность: { $amount }
pay-other = Другая сумма
pay-on-its-way = Оплата { $amount } от { $at } уже в пути: она поступит на счёт в течение суток, и к оплате она больше не предлагается.
pay-confirm-large = Оплатить { $amount }? Это намного больше обычного счёта за электроэнергию — проверьте сумму.
pay-confirm-yes = Да, оплатить { $amount }
pay-ask-amount = Введите сумму оплаты в рублях, например: { $example }.
pay-link =
    Оплата { $amount } по лицевому счёту { $account } — картой на странице оплаты.
    Платёж поступит на счёт в течение суток; я сообщу здесь, когда оплата пройдёт.
pay-open = Перейти к оплате { $amount }
push-payment-succeeded = Оплата { $amount } по лицевому счёту { $account } прошла. Платёж поступит на счёт в течение суток.
push-payment-failed = Оплата { $amount } по лицевому счёту { $account } не прошла: банк её отклонил. Деньги не списаны — попробуйте ещё раз или другой картой.

sandbox-title = Оплата (тестовая страница)
sandbox-amount = К оплате { $amount } по лицевому счёту { $account }.
sandbox-card-label = Номер карты
sandbox-pay-button = Оплатить
sandbox-hint = Тестовая страница без настоящих денег: карта { $succeeds } проходит, { $declined } отклоняется.
sandbox-card-invalid = Такой карты нет среди тестовых. Введите одну из карт ниже.
sandbox-succeeded = Оплата прошла. Можно вернуться в чат.
sandbox-failed = Оплата не прошла: банк отклонил карту. Можно вернуться в чат и попробовать снова.
sandbox-back = Это окно можно закрыть.
sandbox-unknown-order = Такого платежа нет. Начните оплату в чате ещё раз.

## free text, tariffs, receipts and charges (issue 27)
intent-meter-broken = сломал счетчик | сломался счетчик | счетчик сломал | счетчик не работ | не работает счетчик | счетчик сгорел | сгорел счетчик | счетчик стоит | счетчик не крутит | замена счетчик | заменить счетчик | поменять счетчик | новый счетчик | поверка счетчик | неисправ счетчик | счетчик неисправ | разбил счетчик
intent-complaint = почему | зачем | разберит | разобрат | проверьт | прошу провер | прошу разобр | прошу пересчит | жалоб | пожаловат | претензи | безобраз | возмущ | неправильн | неверн | ошибка* | ошибку* | ошибки* | ошибкой* | ошибочн | не соглас | перерасч | верните | вернуть деньги | дважды | двойн | завышен | слишком много | слишком дорог | не учли | не учтен | не засчит | норматив | обман
intent-tariff = тариф | тарифы | цена за квт | цена киловат | стоимость квт | стоимость киловат | сколько стоит квт | сколько стоит киловат | почем свет | цена электроэнерг | стоимость электроэнерг | цена за свет
intent-thanks = спасибо | спасиб | спс* | благодарю | благодарствую | пасиб | сенкс
thanks-answer = Пожалуйста! Рады помочь.
tariff-zone = { $zone ->
    [day] Дневная зона
    [night] Ночная зона
    [peak] Пиковая зона
    [semiPeak] Полупиковая зона
   *[other] Одноставочный тариф
  }: { $price } за кВт·ч
tariff-account =
    Тарифы по счёту { $account }, действующие в этом месяце:
    { $prices }
tariff-supplier =
    Тарифы на электроэнергию, действующие в этом месяце:
    { $prices }
    Привяжите лицевой счёт, чтобы видеть тариф по зонам вашего счётчика.
tariff-unknown = Тарифы на этот месяц ещё не опубликованы. Попробуйте позже.

## contacts (issue 29)
action-contacts = Контакты
help-contacts = • контакты компании: телефоны аварийной и диспетчерской служб, офис и часы работы (/contacts);
intent-contacts = контакт | телефон компании | телефон энергосбыт | телефон офиса | как позвонить | куда позвонить | номер компании | аварийн | диспетчер | часы работы | режим работы | адрес офиса | где офис | горячая линия | горячей линии
contacts-title = { $supplier }: контакты
contacts-emergency = Аварийная служба, круглосуточно
contacts-dispatch = Диспетчерская служба
contacts-phone = Телефон
contacts-office = Офис
contacts-office-hours = Часы работы
contacts-email = E-mail
contacts-site = Сайт

## «Нет света?» (issue 29)
action-outage = Нет света?
help-outage = • узнать об отключениях электроэнергии по адресу и телефоны аварийной службы (/outage);
intent-outage = нет света | нет электричеств | света нет | отключили свет | отключили электричеств | выключили свет | пропал свет | пропало электричеств | когда дадут свет | когда включат свет | отключение электроэнерг | отключение света | авария на линии | нет напряжения
outage-ask-address = Напишите адрес, как в квитанции, начиная с населённого пункта. Например: г. Воронеж, ул. Кольцовская, д. 24.
outage-type-address = Напишите адрес текстом, начиная с населённого пункта.
outage-address-invalid = Не понял адрес: начните с населённого пункта, как в квитанции. Например: { $example }.
outage-none =
    По адресу { $address } отключений не объявлено.
    Если света нет, звоните в аварийную службу: { $emergency } (круглосуточно) или в диспетчерскую: { $dispatch }. Можно и сообщить об отключении обращением.
outage-report = Сообщить об отключении
## reminders (issue 29)
action-reminders = Напоминания
help-reminders = • напоминания о передаче показаний и о сроке оплаты (/reminders);
intent-reminders = напомина | напомни | не напоминай | напомни показани | напомина показани | напомни оплат | напомина оплат | напомина срок | уведомлени показани | уведомлени оплат
reminders-ask =
    Напоминания по лицевому счёту { $account }:
    • о показаниях, когда открывается приём (с { $from } по { $to } число): { $readings ->
        [on] включены
       *[off] выключены
    }
    • о сроке оплаты (до { $due } числа): { $payment ->
        [on] включены
       *[off] выключены
    }
    Напоминания приходят только с { $fromHour }:00 до { $untilHour }:00.
reminders-readings-turn-on = Напоминать о показаниях
reminders-readings-turn-off = Не напоминать о показаниях
reminders-payment-turn-on = Напоминать о сроке оплаты
reminders-payment-turn-off = Не напоминать о сроке оплаты
reminders-on = { $kind ->
    [readings] Буду напоминать о показаниях по счёту { $account }, когда откроется приём ({ $from }-го числа), если их ещё не передали.
   *[payment] Буду напоминать о сроке оплаты по счёту { $account } с { $remindFrom }-го числа (оплатить — до { $due }-го), если счёт не оплачен.
}
reminders-off = { $kind ->
    [readings] Больше не напоминаю о показаниях по счёту { $account }.
   *[payment] Больше не напоминаю о сроке оплаты по счёту { $account }.
}
reminders-not-linked = Лицевой счёт { $account } больше не привязан к этому чату: напоминаний по нему не будет.
reminders-link-first = Напоминания приходят по привязанному лицевому счёту. Сначала привяжите счёт.
reminders-stop = Не напоминать
push-reminder-readings = 📟 Пора передать показания по лицевому счёту { $account }: приём с { $from } по { $to } число.
push-reminder-payment = 💳 Срок оплаты по лицевому счёту { $account } — до { $due }. К оплате: { $amount }.
receipts-stop-monthly = Не присылать
charges-not-charged = не начислено
payments-on-its-way = в пути: поступит на счёт в течение суток

## desk: notices (issue 29)
desk-notices-link = Оповещения
desk-notices-title = Оповещения: отключения и напоминания
desk-notices-publish-title = Опубликовать отключение
desk-notices-kind = Вид отключения
desk-notices-kind-planned = Плановое
desk-notices-kind-emergency = Аварийное
desk-notices-area = Где: как в квитанции, начиная с населённого пункта (улица и дома — если не весь пункт)
desk-notices-area-example = г. Воронеж, ул. Кольцовская, д. 24
desk-notices-from = Начало
desk-notices-until = Ожидаемое окончание
desk-notices-reason = Причина
desk-notices-zone = Время — по часовому поясу компании ({ $zone }).
desk-notices-publish = Опубликовать и оповестить
desk-notices-interruptions-title = Отключения
desk-notices-interruptions-empty = Отключений не опубликовано.
desk-notices-interruption = { $kind } отключение № { $id }: { $state }
desk-notices-when = С { $from } до { $until }
desk-notices-reason-line = Причина: { $reason }
desk-notices-state-coming = ещё не началось
desk-notices-state-under-way = идёт
desk-notices-state-ended = завершено { $at }
desk-notices-new-until = Новое ожидаемое окончание
desk-notices-change-until-button = Изменить время и оповестить
desk-notices-end-button = Завершить и оповестить
desk-notices-no-notices = Оповещений не отправлялось: в зоне нет чатов с привязанным лицевым счётом.
desk-notices-change-announced = Объявление
desk-notices-change-until = Новое время
desk-notices-change-ended = Окончание
desk-notices-column-change = Оповещение
desk-notices-column-since = Отправка начата
desk-notices-column-queued = Всего чатов
desk-notices-column-delivered = Доставлено
desk-notices-column-gave-up = Доставка невозможна
desk-notices-column-waiting = Ещё в очереди
desk-notices-at = { $at }
desk-notices-reminders-title = Напоминания
desk-notices-reminders-empty = Напоминаний ещё не отправлялось.
desk-notices-reminder-readings = Передать показания
desk-notices-reminder-payment = Срок оплаты
desk-notices-column-reminder = Напоминание
desk-notices-column-month = Месяц
desk-notices-refused-form = Не опубликовано: заполните все поля (вид, где, начало, окончание, причина); время — дата и часы.
desk-notices-refused-no-locality = Не опубликовано: в адресе нет населённого пункта. Пишите, как в квитанции, начиная с него, например: «г. Воронеж, ул. Кольцовская, д. 24».
desk-notices-refused-until-before-from = Не сохранено: окончание должно быть позже начала.
desk-notices-refused-unknown = Такого отключения нет.
desk-notices-refused-ended = Время не изменено: отключение уже завершено.
desk-notices-refused-until-form = Время не изменено: укажите дату и время окончания.
