/** What a masked value becomes: a marker that names its kind, so the text around it stays readable. */
export const MARK = {
  password: '‹password›',
  secret: '‹secret›',
  token: '‹token›',
  jwt: '‹jwt›',
  privateKey: '‹private-key›',
  sshKey: '‹ssh-key›',
  cookie: '‹cookie›',
  session: '‹session›',
  urlSecret: '‹url-secret›',
  email: '‹e-mail›',
  ip: '‹ip›',
  phone: '‹phone›',
  idNumber: '‹id-number›',
  card: '‹card›',
} as const;

export type Kind = keyof typeof MARK;

/** Every marker starts with this character: a value that starts with it is masked already. */
export const MARK_OPEN = 0x2039;
