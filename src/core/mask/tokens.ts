/**
 * API tokens that announce themselves with a prefix: Slack (`xoxb-`, `xoxp-`, `xoxe-`, `xoxc-`,
 * `xoxd-`, `xapp-`), GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`), GitLab,
 * Google (`AIza`, `ya29.`, `GOCSPX-`), Stripe (`sk_live_`, `rk_live_`, `pk_live_`, `whsec_`…), npm,
 * PyPI, AWS (`AKIA`, `ASIA`), Alibaba Cloud (`LTAI`), Tencent Cloud (`AKID`), OpenAI, Anthropic,
 * Hugging Face, SendGrid, Shopify, Atlassian, Databricks, DigitalOcean, Vault, Docker Hub, Postman,
 * Grafana, age. A prefix counts only at the start of a word and with a body long enough to be real.
 */
import { MARK, MARK_OPEN } from './kinds.ts';
import { eachAnchor, isAlnum, isDigit, Masked, RUN, runEnd } from './scan.ts';

interface Form {
  /** The characters of the token after its prefix, as a sticky run. */
  body: RegExp;
  min: number;
  max?: number;
  /** Generic prefixes (`sk-`) also need a digit and a letter in the body. */
  mixed?: boolean;
}

const SLACK: Form = { body: /[A-Za-z0-9_.%-]*/y, min: 8 };
const GITHUB: Form = { body: RUN.alnum, min: 20 };
const STRIPE: Form = { body: RUN.alnum, min: 16 };
const AWS: Form = { body: /[A-Z0-9]*/y, min: 16, max: 16 };
const LONG: Form = { body: RUN.b64url, min: 20 };
const HEX32: Form = { body: RUN.hex, min: 32 };
const DOTTED = /[A-Za-z0-9_.-]*/y;

const FORMS: Record<string, Form> = {
  'xoxb-': SLACK,
  'xoxp-': SLACK,
  'xoxa-': SLACK,
  'xoxo-': SLACK,
  'xoxs-': SLACK,
  'xoxr-': SLACK,
  'xoxe-': SLACK,
  'xoxc-': SLACK,
  'xoxd-': SLACK,
  'xoxe.xoxp-': SLACK,
  'xoxe.xoxb-': SLACK,
  'xapp-': SLACK,
  ghp_: GITHUB,
  gho_: GITHUB,
  ghu_: GITHUB,
  ghs_: GITHUB,
  ghr_: GITHUB,
  github_pat_: { body: RUN.b64url, min: 20 },
  'glpat-': LONG,
  'glptt-': LONG,
  'gldt-': LONG,
  'glrt-': LONG,
  AIza: { body: RUN.b64url, min: 30 },
  'ya29.': { body: DOTTED, min: 20 },
  'GOCSPX-': LONG,
  sk_live_: STRIPE,
  sk_test_: STRIPE,
  rk_live_: STRIPE,
  rk_test_: STRIPE,
  pk_live_: STRIPE,
  pk_test_: STRIPE,
  whsec_: STRIPE,
  npm_: { body: RUN.alnum, min: 30 },
  'pypi-': { body: RUN.b64url, min: 40 },
  AKIA: AWS,
  ASIA: AWS,
  LTAI: { body: RUN.alnum, min: 12, max: 30 },
  AKID: { body: RUN.alnum, min: 28, max: 40 },
  'sk-ant-': LONG,
  'sk-proj-': LONG,
  'sk-': { body: RUN.b64url, min: 32, mixed: true },
  hf_: { body: RUN.alnum, min: 30 },
  'SG.': { body: DOTTED, min: 40 },
  shpat_: HEX32,
  shpss_: HEX32,
  shpca_: HEX32,
  shppa_: HEX32,
  ATATT3: { body: /[A-Za-z0-9_=-]*/y, min: 40 },
  dapi: HEX32,
  dop_v1_: { body: RUN.hex, min: 64 },
  'hvs.': LONG,
  'hvb.': LONG,
  dckr_pat_: LONG,
  'PMAK-': LONG,
  glc_: LONG,
  glsa_: LONG,
  'AGE-SECRET-KEY-1': { body: RUN.alnum, min: 40 },
};

const ANCHOR = new RegExp(
  Object.keys(FORMS)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.]/g, '\\.'))
    .join('|'),
  'g',
);

/** Mask every prefixed token, prefix and all. */
export function maskTokens(text: string): string {
  const out = new Masked(text);
  eachAnchor(text, ANCHOR, (at, prefix) => {
    const form = FORMS[prefix] as Form;
    const from = at + prefix.length;
    let end = runEnd(text, from, form.body);
    if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return end;
    // A sentence may end right after a token: its dot is not part of it.
    while (end > from && text.charCodeAt(end - 1) === 46) end--;
    const length = end - from;
    if (length < form.min || (form.max !== undefined && length > form.max)) return end;
    if (form.mixed && !mixed(text, from, end)) return end;
    if (text.charCodeAt(from) !== MARK_OPEN) out.put(at, end, MARK.token);
    return end;
  });
  return out.toString();
}

function mixed(text: string, from: number, to: number): boolean {
  let digit = false;
  let letter = false;
  for (let i = from; i < to && !(digit && letter); i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digit = true;
    else if (isAlnum(c)) letter = true;
  }
  return digit && letter;
}
