/**
 * What makes two pastes the same failure: kind, exception class (with its relocation prefix),
 * framework, the first frame outside Netty, and the limit.
 */
import { isOutsideNetty } from './frames.ts';
import { frameName } from './parse/frame.ts';
import type { Report } from './types.ts';

/** The parts that identify a failure; `app/fingerprint.ts` adds the key they hash to. */
export interface FailureIdentity {
  kind: string;
  exceptionClass: string;
  framework: string | null;
  firstFrame: string | null;
  maxBytes: number | null;
}

export interface Fingerprint extends FailureIdentity {
  key: string;
}

/** The identity of the report's failure, or null when nothing was detected. */
export function failureIdentityOf(report: Report): FailureIdentity | null {
  if (!report.detected) return null;
  const s = report.summary;
  const primary = report.events.find((e) => e.kind === s.kind) ?? report.events[0];
  const frames = report.events.find((e) => e.kind === s.kind && (e.frames?.length ?? 0) > 0)?.frames ?? [];
  const outside = frames.find(isOutsideNetty);
  return {
    kind: s.kind ?? 'unknown',
    exceptionClass: primary?.exceptionClass ?? '',
    // A product named from its package is read off the first frame outside Netty, which the identity
    // holds already; counting it again would give incidents recorded before it was named new keys.
    framework: s.frameworks.find((f) => !f.fromPackage)?.id ?? null,
    // The frame without its line number: the same failure after a redeploy is the same incident.
    firstFrame: outside ? frameName(outside) : s.leakSites[0] ? frameName(s.leakSites[0].frame) : null,
    maxBytes: s.maxBytes,
  };
}
