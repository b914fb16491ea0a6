/** Every evidence rule, in the order its evidence is shown when several support one cause equally. */

import type { Rule } from './rule.ts';
import adaptiveAllocator from './rules/adaptive-allocator.ts';
import bufferCopyInCode from './rules/buffer-copy-in-code.ts';
import bufferLeakReport from './rules/buffer-leak-report.ts';
import buffersHeldNotArenas from './rules/buffers-held-not-arenas.ts';
import capacityWasTheLever from './rules/capacity-was-the-lever.ts';
import cumulationNotYourCode from './rules/cumulation-not-your-code.ts';
import failsWhileStarting from './rules/fails-while-starting.ts';
import gatewayBodyCache from './rules/gateway-body-cache.ts';
import growthIsNotABurst from './rules/growth-is-not-a-burst.ts';
import grpcSendWithoutFlowControl from './rules/grpc-send-without-flow-control.ts';
import hugeAllocation from './rules/huge-allocation.ts';
import jdkBuffersWaitForGc from './rules/jdk-buffers-wait-for-gc.ts';
import knownFix from './rules/known-fix.ts';
import largeItemsNamed from './rules/large-items-named.ts';
import largeLimitNotTheCause from './rules/large-limit-not-the-cause.ts';
import leakInNettyCumulation from './rules/leak-in-netty-cumulation.ts';
import leakTestimony from './rules/leak-testimony.ts';
import lengthReadFromText from './rules/length-read-from-text.ts';
import limitBelowOneChunk from './rules/limit-below-one-chunk.ts';
import limitHoldsFewChunks from './rules/limit-holds-few-chunks.ts';
import limitTooSmallForPool from './rules/limit-too-small-for-pool.ts';
import liveUnpooledBuffers from './rules/live-unpooled-buffers.ts';
import loadTest from './rules/load-test.ts';
import oversizedRequestNotTheLimit from './rules/oversized-request-not-the-limit.ts';
import pooledChunkNotGc from './rules/pooled-chunk-not-gc.ts';
import producerWithoutPause from './rules/producer-without-pause.ts';
import raisingLimitNotTheFix from './rules/raising-limit-not-the-fix.ts';
import raisingLimitOnlyDelayed from './rules/raising-limit-only-delayed.ts';
import readingsKeepGrowing from './rules/readings-keep-growing.ts';
import requestExceedsFreeRoom from './rules/request-exceeds-free-room.ts';
import requestLargerThanLimit from './rules/request-larger-than-limit.ts';
import requirementOverLimit from './rules/requirement-over-limit.ts';
import smallExplicitLimit from './rules/small-explicit-limit.ts';
import startedAfterChange from './rules/started-after-change.ts';
import writesOutpaceReader from './rules/writes-outpace-reader.ts';

export const RULES: readonly Rule[] = [
  // What the numbers say.
  requestLargerThanLimit,
  requestExceedsFreeRoom,
  oversizedRequestNotTheLimit,
  lengthReadFromText,
  hugeAllocation,
  largeItemsNamed,
  requirementOverLimit,
  limitTooSmallForPool,
  limitBelowOneChunk,
  limitHoldsFewChunks,
  smallExplicitLimit,
  largeLimitNotTheCause,
  failsWhileStarting,
  capacityWasTheLever,
  // Leaks.
  bufferLeakReport,
  leakTestimony,
  raisingLimitOnlyDelayed,
  raisingLimitNotTheFix,
  readingsKeepGrowing,
  growthIsNotABurst,
  liveUnpooledBuffers,
  bufferCopyInCode,
  gatewayBodyCache,
  // Regressions and Netty's own bugs.
  leakInNettyCumulation,
  cumulationNotYourCode,
  startedAfterChange,
  // Known bugs of the versions the paste shows, one rule per cause.
  ...knownFix,
  // Load and back-pressure.
  loadTest,
  producerWithoutPause,
  grpcSendWithoutFlowControl,
  writesOutpaceReader,
  // The allocator and the JDK.
  pooledChunkNotGc,
  jdkBuffersWaitForGc,
  buffersHeldNotArenas,
  adaptiveAllocator,
];
