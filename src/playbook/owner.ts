/**
 * Who owns a leaked buffer: the first frame outside Netty and the JDK in the leak records (the last
 * touch `#1:` first, then `Created at:`) or at the leak site. A product's package there means a
 * framework bug to upgrade away from; any other package is the application's own code.
 */
import { isOutsideNetty } from '../core/frames.ts';
import { unshade } from '../core/parse/frame.ts';
import type { FrameworkDef, Report } from '../core/types.ts';

export type LeakOwner = 'product' | 'application';

/** The owner of the leak the report shows, or null when no record or site names one. */
export function leakOwnerOf(report: Report, frameworks: FrameworkDef[]): LeakOwner | null {
  const recorded = report.events.filter((e) => e.kind === 'leak_report').flatMap((e) => e.frames);
  const site = [...recorded, ...report.summary.leakSites.map((s) => s.frame)].find(isOutsideNetty);
  if (!site) return null;
  const name = unshade(site).replace(/^[\w.]+\//, '');
  const packages = frameworks.filter((f) => f.id !== 'netty').flatMap((f) => f.packages ?? []);
  return packages.some((p) => name.startsWith(p)) ? 'product' : 'application';
}
