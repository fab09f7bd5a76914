/**
 * Real phrasings customers write, in Russian and English, with typos, emoji and no punctuation,
 * and the task each asks for (null: nothing; the bot then offers its nearest tasks).
 */
export const phrasings: readonly (readonly [string, string | null])[] = [
  // greetings
  ['привет', 'start'], ['Привет!', 'start'], ['здравствуйте', 'start'], ['Здраствуйте', 'start'], ['добрый день', 'start'],
  ['Добрый вечер 👋', 'start'], ['доброе утро', 'start'], ['салют', 'start'], ['хай', 'start'], ['hello', 'start'],
  ['Hi', 'start'], ['hey there', 'start'], ['good morning', 'start'], ['здрасте', 'start'], ['приветствую', 'start'],
  // menu and help
  ['меню', 'menu'], ['главное меню', 'menu'], ['menu please', 'menu'], ['помощь', 'help'], ['помогите', 'help'],
  ['что ты умеешь?', 'help'], ['что умеешь', 'help'], ['справка', 'help'], ['help', 'help'], ['what can you do', 'help'],
  ['как пользоваться ботом', 'help'], ['команды', 'help'], ['how does this work', 'help'],
  // account information and balance
  ['сколько я должен', 'info'], ['Сколько я должен?', 'info'], ['сколько должен за свет', 'info'], ['баланс', 'info'], ['Баланс 💰', 'info'],
  ['бланс', 'info'], ['балланс', 'info'], ['какой у меня долг', 'info'], ['долг', 'info'], ['задолженность', 'info'],
  ['задолжность', 'info'], ['информация по счёту', 'info'], ['информация по счету', 'info'], ['данные по счету', 'info'], ['мой лицевой счет', 'info'],
  ['есть переплата?', 'info'], ['сколько платить в этом месяце', 'info'], ['balance', 'info'], ['how much do I owe', 'info'], ['my debt', 'info'],
  ['account info', 'info'], ['blance', 'info'], ['what is my balance?', 'info'],
  // readings
  ['передать показания', 'readings'], ['Передать показания', 'readings'], ['показания', 'readings'], ['показания 12345', 'readings'], ['показания счетчика', 'readings'],
  ['показания счётчика 📟', 'readings'], ['покозания', 'readings'], ['паказания', 'readings'], ['передать показ', 'readings'], ['сдать показания', 'readings'],
  ['хочу передать показания', 'readings'], ['внести показания', 'readings'], ['счетчик', 'readings'], ['счётчик', 'readings'], ['щетчик', 'readings'],
  ['подать показания электроэнергии', 'readings'], ['submit readings', 'readings'], ['meter reading', 'readings'], ['send meter readings', 'readings'], ['meter', 'readings'],
  ['reading 34400', 'readings'], ['readings', 'readings'], ['kwh', 'readings'], ['показания: 34 400', 'readings'],
  // pay
  ['оплатить', 'pay'], ['Оплатить', 'pay'], ['оплата', 'pay'], ['оплатить электроэнергию', 'pay'], ['хочу оплатить', 'pay'],
  ['хочу заплатить', 'pay'], ['заплатить', 'pay'], ['оплатить картой', 'pay'], ['оплотить', 'pay'], ['аплатить', 'pay'],
  ['погасить долг', 'pay'], ['ссылка на оплату', 'pay'], ['pay', 'pay'], ['pay my bill', 'pay'], ['I want to pay', 'pay'],
  ['make a payment', 'pay'], ['payment link', 'pay'], ['оплачу сейчас', 'pay'], ['платить', 'pay'], ['💳 оплатить', 'pay'],
  // readings history
  ['история показаний', 'history'], ['История показаний', 'history'], ['прошлые показания', 'history'], ['предыдущие показания', 'history'], ['график расхода', 'history'],
  ['расход', 'history'], ['потребление', 'history'], ['история показанй', 'history'], ['reading history', 'history'], ['readings history', 'history'],
  ['past readings', 'history'], ['consumption chart', 'history'], ['usage', 'history'], ['график', 'history'],
  // charges
  ['начисления', 'charges'], ['начисления и платежи', 'charges'], ['Начисления и платежи', 'charges'], ['сколько начислили', 'charges'], ['начисленя', 'charges'],
  ['charges', 'charges'], ['my bills', 'charges'], ['statement', 'charges'], ['what was charged', 'charges'],
  // receipts
  ['квитанция', 'receipts'], ['квитанции', 'receipts'], ['пришлите квитанцию', 'receipts'], ['квитанция за октябрь', 'receipts'], ['квиток', 'receipts'],
  ['receipt', 'receipts'], ['my receipt', 'receipts'], ['receipt pdf', 'receipts'],
  // monthly receipt
  ['присылать квитанцию каждый месяц', 'monthly'], ['ежемесячная квитанция', 'monthly'], ['monthly receipt', 'monthly'], ['receipt every month', 'monthly'],
  // payments history
  ['история платежей', 'payments'], ['История платежей', 'payments'], ['мои платежи', 'payments'], ['когда я платил', 'payments'], ['история оплат', 'payments'],
  ['платежи', 'payments'], ['payment history', 'payments'], ['my payments', 'payments'], ['when did I pay', 'payments'], ['истори платежей', 'payments'],
  // link, unlink
  ['привязать счет', 'link'], ['привязать лицевой счёт', 'link'], ['привязка счета', 'link'], ['подключить счет', 'link'], ['добавить счет', 'link'],
  ['регистрация', 'link'], ['link account', 'link'], ['link my account', 'link'], ['add an account', 'link'], ['привезать счет', 'link'],
  ['отвязать счет', 'unlink'], ['отвязать', 'unlink'], ['удалить счет', 'unlink'], ['unlink', 'unlink'], ['remove my account', 'unlink'],
  // language
  ['язык', 'language'], ['сменить язык', 'language'], ['english', 'language'], ['English please', 'language'], ['language', 'language'],
  ['change language', 'language'], ['русский', 'language'], ['на английском', 'language'],
  // cancel
  ['отмена', 'cancel'], ['отменить', 'cancel'], ['стоп', 'cancel'], ['cancel', 'cancel'], ['never mind', 'cancel'],
  // nothing to do
  ['спасибо', null], ['ok', null], ['1543,20', null], ['👍', null], ['asdfgh', null], ['пзкжщ', null], ['как дела', null], ['', null],
];

