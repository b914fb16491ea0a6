/**
 * Which Netty releases a trace comes from when no jar names one: the line numbers of a few frames
 * every direct-memory trace passes through differ from release to release. Each line below was
 * read from the Final tags of netty/netty (4.0.0–4.0.56, 4.1.0–4.1.128, 4.2.0–4.2.7): the line of
 * the call, and the line where its statement starts (older compilers report that one). Relocated
 * copies (gRPC's, Ratis's) keep Netty's line numbers.
 */
import type { NettyRange } from './types.ts';
import { rangeOfRuns } from './version-range.ts';

/** The newest patch release of each line the table knows. */
const SERIES: [line: string, last: number][] = [
  ['4.0', 56],
  ['4.1', 128],
  ['4.2', 7],
];
const RELEASES = SERIES.flatMap(([line, last]) => Array.from({ length: last + 1 }, (_, p) => `${line}.${p}`));
const INDEX = new Map(RELEASES.map((v, i) => [v, i]));

/**
 * Frame (`Class.method`, and for the allocator what it called) → `line:releases` entries, releases as
 * runs (`4.1.16-29`) separated by commas.
 */
const LINES: Record<string, string> = {
  'PlatformDependent.incrementMemoryCounter': `
    484:4.0.45 506:4.0.37 509:4.0.46 510:4.0.48-49 513:4.0.47,4.0.50 517:4.0.38-39 518:4.0.40 522:4.0.51
    523:4.0.44 528:4.0.41-42 530:4.0.43 535:4.0.52-56 585:4.1.9 592:4.1.1 610:4.1.10 613:4.1.2-3 614:4.1.4
    615:4.1.12-13 618:4.1.11,4.1.14 624:4.1.5-6,4.1.8 627:4.1.15 631:4.1.7 640:4.1.16-29 652:4.1.30
    655:4.1.32-33 656:4.1.31,4.1.34 667:4.1.35-38 725:4.1.39-42 726:4.1.43-45 742:4.1.46-48 754:4.1.49-52
    767:4.1.53 775:4.1.54-58 776:4.1.59-60 802:4.1.61-76 806:4.1.77-78 822:4.2.0-1 843:4.1.100-109
    845:4.1.79-99,4.1.110 861:4.1.111-114 862:4.1.115-119 870:4.1.120-121 880:4.1.122-128 897:4.2.2
    932:4.2.3 1064:4.2.4-6 1072:4.2.7`,
  'PlatformDependent.allocateDirectNoCleaner': `
    438:4.0.45 460:4.0.37 463:4.0.46 464:4.0.48-49 467:4.0.47,4.0.50 471:4.0.38-39 472:4.0.40 476:4.0.51
    477:4.0.44 482:4.0.41-42 484:4.0.43 489:4.0.52-56 539:4.1.9 546:4.1.1 564:4.1.10 567:4.1.2-3 568:4.1.4
    569:4.1.12-13 572:4.1.11,4.1.14 578:4.1.5-6,4.1.8 581:4.1.15 585:4.1.7 594:4.1.16-29 606:4.1.30
    610:4.1.31-33 611:4.1.34 622:4.1.35-38 680:4.1.39-42 681:4.1.43-45 697:4.1.46-48 709:4.1.49-52
    722:4.1.53 730:4.1.54-58 731:4.1.59-76 735:4.1.77-78 751:4.2.0-1 772:4.1.100-109 774:4.1.79-99,4.1.110
    790:4.1.111-114 791:4.1.115-119 799:4.1.120-121 804:4.2.2 809:4.1.122-128 839:4.2.3 971:4.2.4-7`,
  'PooledByteBufAllocator.newDirectBuffer>pooled': `
    232:4.0.13 233:4.0.0-12 238:4.0.14-17 241:4.0.18 250:4.0.21-28 251:4.0.20 261:4.0.19 262:4.1.0-6
    270:4.0.35-36 271:4.0.29-34,4.0.37-42 287:4.1.7-8 296:4.0.43-44 320:4.1.9 324:4.1.10-32 327:4.1.34
    329:4.0.45 332:4.1.33 333:4.0.46-56 342:4.1.35-45 356:4.1.46-51 378:4.1.52-60 394:4.1.73-75
    395:4.1.61-72,4.1.100-101 396:4.1.76-93,4.1.96-99 397:4.1.102-111 400:4.1.94-95 403:4.1.112-4.2.7`,
  'PooledByteBufAllocator.newDirectBuffer>unpooled': `
    235:4.0.13 236:4.0.0-12 237:4.0.13 238:4.0.0-12 241:4.0.14-17 243:4.0.14-17 244:4.0.18 246:4.0.18
    253:4.0.21-28 254:4.0.20 255:4.0.21-28 256:4.0.20 264:4.0.19 265:4.1.0-6 266:4.0.19 267:4.1.0-6
    273:4.0.35-36 274:4.0.29-34,4.0.37-42 275:4.0.35-36 276:4.0.29-34,4.0.37-42 290:4.1.7-8 292:4.1.7-8
    299:4.0.43-44 301:4.0.43-44 322:4.1.9 323:4.1.9 324:4.1.9 326:4.1.10-32 327:4.1.10-32 328:4.1.10-32
    329:4.1.34 330:4.1.34 331:4.0.45,4.1.34 332:4.0.45 333:4.0.45 334:4.1.33 335:4.0.46-56,4.1.33
    336:4.0.46-56,4.1.33 337:4.0.46-56 344:4.1.35-45 345:4.1.35-45 346:4.1.35-45 358:4.1.46-51 359:4.1.46-51
    360:4.1.46-51 380:4.1.52-60 381:4.1.52-60 382:4.1.52-60 396:4.1.73-75 397:4.1.61-75,4.1.100-101
    398:4.1.61-93,4.1.96-101 399:4.1.61-72,4.1.76-93,4.1.96-111 400:4.1.76-93,4.1.96-99,4.1.102-111
    401:4.1.102-111 402:4.1.94-95 403:4.1.94-95 404:4.1.94-95 405:4.1.112-4.2.7 406:4.1.112-4.2.7
    407:4.1.112-4.2.7`,
  'PooledByteBufAllocator.newDirectBuffer>leak': `
    247:4.0.14-17 250:4.0.18 259:4.0.21-28 260:4.0.20 270:4.0.19 271:4.1.0-6 279:4.0.35-36
    280:4.0.29-34,4.0.37-42 296:4.1.7-8 305:4.0.43-44 327:4.1.9 331:4.1.10-32 334:4.1.34 336:4.0.45
    339:4.1.33 340:4.0.46-56 349:4.1.35-45 363:4.1.46-51 385:4.1.52-60 401:4.1.73-75
    402:4.1.61-72,4.1.100-101 403:4.1.76-93,4.1.96-99 404:4.1.102-111 407:4.1.94-95 410:4.1.112-4.2.7`,
  'PoolArena$DirectArena.newChunk': `
    380:4.0.0-13 381:4.0.0-13 382:4.0.14-17 383:4.0.14-17 433:4.0.18 434:4.0.18-23 435:4.0.19-23
    437:4.0.24-28 438:4.0.24-28 607:4.1.61-68 612:4.1.61-68 620:4.1.52-60 621:4.1.52-60 623:4.1.69-74
    624:4.1.52-60,4.1.75-79 628:4.1.69-74 629:4.1.75-79 645:4.0.29-34 646:4.0.29-34 672:4.0.35-36
    673:4.0.35-36 675:4.1.3-5 676:4.1.3-5,4.1.80-94 677:4.0.39-41 678:4.0.39-41 680:4.1.108-113
    681:4.1.80-94 685:4.1.102-113 688:4.1.0-2 689:4.1.0-2 690:4.0.37-38,4.1.102-107 691:4.0.37-38
    692:4.1.100-101 693:4.1.114-128 696:4.1.95-99 697:4.1.100-101 698:4.1.6-7,4.1.114-128 699:4.1.6-7
    700:4.0.42-43 701:4.0.42-43,4.1.95-99 707:4.1.8 708:4.1.8 709:4.0.44 710:4.0.44 730:4.1.49-51
    731:4.1.49-51 733:4.1.40-48,4.2.0-1 734:4.1.40-51,4.2.2 735:4.1.9 736:4.1.9 737:4.0.45,4.1.40-48,4.2.3-7
    738:4.0.45,4.2.0-1 739:4.1.9-31 740:4.1.10-31,4.2.2 741:4.0.45-56 742:4.0.46-56
    743:4.1.10-31,4.1.34,4.2.3-7 744:4.1.32-34 745:4.0.46-56,4.1.32-33 747:4.1.34-39 748:4.1.32-33,4.1.35-39
    751:4.1.35-39`,
  'PoolArena$DirectArena.allocateDirect': `
    631:4.1.61-68 632:4.1.61-68 644:4.1.52-60 645:4.1.52-60 647:4.1.69-74 648:4.1.69-79 649:4.1.75-79
    686:4.1.3-5 687:4.1.3-5 688:4.0.39-41 689:4.0.39-41 699:4.1.1-2 700:4.1.1-2,4.1.80-94
    701:4.0.37-38,4.1.80-94 702:4.0.37-38 704:4.1.108-113 705:4.1.108-113 709:4.1.6-7,4.1.102-107
    710:4.1.6-7,4.1.102-107 711:4.0.42-43 712:4.0.42-43 716:4.1.100-101 717:4.1.100-101,4.1.114-128
    718:4.1.8,4.1.114-128 719:4.1.8 720:4.0.44,4.1.95-99 721:4.0.44,4.1.95-99 754:4.1.49-51 755:4.1.49-51
    757:4.1.40-48,4.2.0-1 758:4.1.40-48,4.2.0-1 759:4.1.9 760:4.1.9 761:4.0.45 762:4.0.45 763:4.1.10-31
    764:4.1.10-31,4.2.2 765:4.0.46-56 766:4.0.46-56 767:4.1.34,4.2.3-7 768:4.1.32-34 769:4.1.32-33
    771:4.1.35-39 772:4.1.35-39`,
};

// `io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:640)`
const FRAME =
  /^io\.netty\.(?:util\.internal|buffer)\.([\w$]{1,60}\.[\w$]{1,60})\(([\w$]{1,60}\.java):(\d{1,6})\)$/;

/** The releases of runs such as `4.1.5-6,4.1.8`, as indices in RELEASES. */
function releasesOf(text: string): number[] {
  const out: number[] = [];
  for (const run of text.split(',')) {
    const [from, to] = run.split('-') as [string, string | undefined];
    const first = INDEX.get(from);
    const last = to === undefined ? first : INDEX.get(to.includes('.') ? to : from.replace(/\d+$/, to));
    if (first === undefined || last === undefined) continue;
    for (let i = first; i <= last; i++) out.push(i);
  }
  return out;
}

const parsed = new Map<string, Map<number, number[]>>();

/** The releases in which this frame's method has a call at `line`; empty when none has. */
function releasesAt(key: string, line: number): number[] {
  let table = parsed.get(key);
  if (!table) {
    table = new Map();
    for (const entry of (LINES[key] ?? '').split(/\s+/)) {
      const colon = entry.indexOf(':');
      if (colon > 0) table.set(Number(entry.slice(0, colon)), releasesOf(entry.slice(colon + 1)));
    }
    parsed.set(key, table);
  }
  return table.get(line) ?? [];
}

/** Which of PooledByteBufAllocator.newDirectBuffer's calls a frame is, from the frame it called. */
function newDirectBufferKey(callee: string | undefined): string[] {
  const base = 'PooledByteBufAllocator.newDirectBuffer>';
  if (callee?.includes('PoolArena.allocate')) return [`${base}pooled`];
  if (callee?.includes('toLeakAwareBuffer')) return [`${base}leak`];
  if (callee?.includes('newUnsafeDirectByteBuf') || callee?.includes('DirectByteBuf.<init>'))
    return [`${base}unpooled`];
  return [`${base}pooled`, `${base}unpooled`, `${base}leak`];
}

/**
 * The Netty releases whose line numbers fit every known frame of one trace (relocation removed,
 * callee first), or null when no frame is known or the frames disagree (a patched Netty).
 */
export function nettyReleasesOf(frames: string[]): NettyRange | null {
  const sets: Set<number>[] = [];
  const evidence: string[] = [];
  for (let i = 0; i < frames.length; i++) {
    const m = FRAME.exec(frames[i] as string);
    if (!m?.[1] || !m[2] || !m[3]) continue;
    const keys =
      m[1] === 'PooledByteBufAllocator.newDirectBuffer' ? newDirectBufferKey(frames[i - 1]) : [m[1]];
    if (keys.every((k) => LINES[k] === undefined)) continue;
    const line = Number(m[3]);
    sets.push(new Set(keys.flatMap((k) => releasesAt(k, line))));
    const where = `${m[2]}:${line}`;
    if (!evidence.includes(where)) evidence.push(where);
  }
  const fits = [...(sets[0] ?? [])].filter((r) => sets.every((set) => set.has(r)));
  if (fits.length === 0) return null;
  return { range: rangeOfRuns(runsOf(fits.sort((a, b) => a - b))), evidence: evidence.join(', ') };
}

/** Consecutive release indices as [first, last] release names. */
function runsOf(indices: number[]): [string, string][] {
  const runs: [string, string][] = [];
  let start = indices[0];
  indices.forEach((r, k) => {
    const next = indices[k + 1];
    if (next === r + 1) return;
    runs.push([RELEASES[start ?? r] ?? '', RELEASES[r] ?? '']);
    start = next;
  });
  return runs;
}

/** Every release the table knows that falls in `keep`, oldest first: the candidates of a range. */
export function knownReleases(keep: (version: string) => boolean): string[] {
  return RELEASES.filter(keep);
}
