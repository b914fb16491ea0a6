/** The incident key of a report: its failure identity, hashed (stable across versions of the store). */
import { createHash } from 'node:crypto';
import { type Fingerprint, failureIdentityOf } from '../core/fingerprint.ts';
import type { Report } from '../core/types.ts';

export function fingerprintOf(report: Report): Fingerprint | null {
  const identity = failureIdentityOf(report);
  if (!identity) return null;
  const key = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 24);
  return { key, ...identity };
}
