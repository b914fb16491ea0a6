import { defineRule } from '../rule.ts';

/**
 * gRPC's `StreamObserver.onNext` → `ServerCallImpl.sendMessage` never blocks: a sender that does not
 * wait for `isReady()` / `setOnReadyHandler` queues every message in direct memory.
 */
export default defineRule({
  id: 'grpc-send-without-flow-control',
  scenario: 'slow-consumer-backpressure',
  supports: 'strong',
  when: (f) => {
    const send = f.frames.find(
      (x) =>
        x.startsWith('io.grpc.') && (x.includes('.sendMessage(') || x.includes('StreamObserverImpl.onNext(')),
    );
    return send ? { frame: send.replace(/\(.*$/, '') } : null;
  },
  evidence: {
    en: 'The allocation came from gRPC sending ({frame}): without isReady() / setOnReadyHandler every message waits in direct memory',
    zh: '这次分配来自 gRPC 发送（{frame}）：不检查 isReady() / setOnReadyHandler 时，每条消息都在堆外内存中排队',
  },
  source: 'https://github.com/grpc/grpc-java/issues/2379',
});
