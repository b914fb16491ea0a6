import { defineRule } from '../rule.ts';

/**
 * gRPC's async `onNext` never blocks: a server or client that sends in a loop without waiting for
 * `isReady()` / `setOnReadyHandler` queues every message in direct memory.
 */
export default defineRule({
  id: 'grpc-send-without-flow-control',
  scenario: 'slow-consumer-backpressure',
  supports: 'moderate',
  when: (f) => {
    const send = f.allFrames.find(
      (x) => x.startsWith('io.grpc.') && (x.includes('.sendMessage(') || x.includes('.onNext(')),
    );
    return send ? { frame: send } : null;
  },
  evidence: {
    en: 'gRPC was sending ({frame}): without isReady() / setOnReadyHandler every message waits in direct memory',
    zh: 'gRPC 正在发送（{frame}）：不检查 isReady() / setOnReadyHandler 时，每条消息都在堆外内存里排队',
  },
  source: 'https://github.com/grpc/grpc-java/issues/2379',
});
