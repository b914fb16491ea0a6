/** The ids Slack knows the app's surfaces by (they match manifest.yml). */
export { MARK_ACTIONS, PLAYBOOK_ACTION, SHARE_ACTION } from '../render/message.ts';

export const COMMAND = '/netty-oom';
export const SHORTCUT_ID = 'analyze_oom_trace';
