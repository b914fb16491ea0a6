import { defineRule } from '../rule.ts';

/**
 * Spring Cloud Gateway filters that read, cache or rewrite a body (ModifyRequestBody /
 * ModifyResponseBody, ReadBody predicates, the Retry filter's body cache) hold pooled DataBuffers
 * that leaked on error and cancel paths in several releases.
 */
export default defineRule({
  id: 'gateway-body-cache',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'strong',
  when: (f) => {
    const filter = f.signal('body-rewrite-filter');
    if (filter) return { where: filter.frame ?? '' };
    const retry = f.allFrames.find(
      (x) => x.includes('RetryGatewayFilterFactory') || x.includes('CacheRequestBody'),
    );
    return retry ? { where: retry } : null;
  },
  evidence: {
    en: 'A gateway filter that caches or rewrites the body holds the buffers ({where}): a known leak path',
    zh: '缓存或改写请求体的网关过滤器持有缓冲区（{where}）：这是已知的泄漏路径',
  },
  source: 'https://github.com/spring-cloud/spring-cloud-gateway/issues/1520',
});
