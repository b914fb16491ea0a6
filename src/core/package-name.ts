/**
 * A readable product name from a Java class name, for code the catalogue does not know:
 * `com.acme.gateway.RouteHandler.channelRead` → `com.acme.gateway`, `herddb.log.LogEntry` → `herddb`.
 */

// Frames that are never the product that called Netty: the JDK, language runtimes, Netty itself,
// and the plumbing every stack passes through (logging, reactive operators, proxies, tests).
const PLUMBING = [
  'java.',
  'javax.',
  'jdk.',
  'sun.',
  'com.sun.',
  'kotlin.',
  'kotlinx.',
  'scala.',
  'groovy.',
  'org.codehaus.groovy.',
  'clojure.',
  'io.netty.',
  'org.jboss.netty.',
  'reactor.core.',
  'io.reactivex.',
  'rx.',
  'org.slf4j.',
  'ch.qos.logback.',
  'org.apache.log4j.',
  'org.apache.logging.',
  'net.bytebuddy.',
  'org.aspectj.',
  'org.junit.',
  'junit.',
  'org.testng.',
  'com.google.common.',
  'com.google.protobuf.',
  'com.fasterxml.jackson.',
  'io.micrometer.',
  'io.opentelemetry.',
];

// Top-level domains that start reverse-domain package names: their names need three segments.
const DOMAIN_ROOTS = new Set([
  'com',
  'org',
  'net',
  'io',
  'cn',
  'de',
  'edu',
  'gov',
  'me',
  'co',
  'uk',
  'fr',
  'jp',
]);

/** Whether a frame (Netty already unshaded) is plumbing rather than a product's or an application's code. */
export function isPlumbing(unshaded: string): boolean {
  return PLUMBING.some((p) => unshaded.startsWith(p));
}

/** The package part of a class or frame name, named as people say it; null without a package. */
export function packageName(frame: string): string | null {
  const open = frame.indexOf('(');
  const parts = (open >= 0 ? frame.slice(0, open) : frame).split('.');
  const packages: string[] = [];
  for (const p of parts) {
    if (!/^[a-z_][a-z0-9_]*$/.test(p)) break;
    packages.push(p);
  }
  if (packages.length === 0 || packages.length === parts.length) return null;
  const keep = DOMAIN_ROOTS.has(packages[0] as string) ? 3 : 1;
  return packages.slice(0, Math.min(keep, packages.length)).join('.');
}

/** An id the report's schema accepts: `com.acme.gateway` → `com-acme-gateway`. */
export function idOfPackage(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app'
  );
}
