/** Every evidence rule, in the order its evidence is shown when several support one cause equally. */

import type { Rule } from './rule.ts';
import adaptiveAllocator from './rules/adaptive-allocator.ts';
import bufferCopyInCode from './rules/buffer-copy-in-code.ts';
import bufferLeakReport from './rules/buffer-leak-report.ts';
import gatewayBodyCache from './rules/gateway-body-cache.ts';
import growthIsNotABurst from './rules/growth-is-not-a-burst.ts';
import grpcSendWithoutFlowControl from './rules/grpc-send-without-flow-control.ts';
import hugeAllocation from './rules/huge-allocation.ts';
import jdkBuffersWaitForGc from './rules/jdk-buffers-wait-for-gc.ts';
import limitTooSmallForPool from './rules/limit-too-small-for-pool.ts';
import loadTest from './rules/load-test.ts';
import memoryKeepsGrowing from './rules/memory-keeps-growing.ts';
import oversizedRequestNotTheLimit from './rules/oversized-request-not-the-limit.ts';
import poolTurnedOff from './rules/pool-turned-off.ts';
import pooledChunkNotGc from './rules/pooled-chunk-not-gc.ts';
import raisingLimitNotTheFix from './rules/raising-limit-not-the-fix.ts';
import raisingLimitOnlyDelayed from './rules/raising-limit-only-delayed.ts';
import requestExceedsFreeRoom from './rules/request-exceeds-free-room.ts';
import requestLargerThanLimit from './rules/request-larger-than-limit.ts';
import slowReaderInProse from './rules/slow-reader-in-prose.ts';
import writesOutpaceReader from './rules/writes-outpace-reader.ts';

export const RULES: readonly Rule[] = [
  // What the numbers say.
  requestLargerThanLimit,
  requestExceedsFreeRoom,
  oversizedRequestNotTheLimit,
  hugeAllocation,
  limitTooSmallForPool,
  poolTurnedOff,
  // Leaks.
  bufferLeakReport,
  raisingLimitOnlyDelayed,
  raisingLimitNotTheFix,
  memoryKeepsGrowing,
  growthIsNotABurst,
  bufferCopyInCode,
  gatewayBodyCache,
  // Load and back-pressure.
  loadTest,
  writesOutpaceReader,
  slowReaderInProse,
  grpcSendWithoutFlowControl,
  // The allocator and the JDK.
  pooledChunkNotGc,
  jdkBuffersWaitForGc,
  adaptiveAllocator,
];
