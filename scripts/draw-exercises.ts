/**
 * Draws assets/exercises/*.svg: every exercise in one pictogram style, from the poses
 * below. Run `node --import tsx scripts/draw-exercises.ts` after changing a pose and
 * look at the result (tests/unit/content/catalogue.test.ts checks the files).
 *
 * The style: a person of thick round strokes (trunk 16, limbs 9) with a solid head;
 * limbs on the far side a little faint; the chair, desk, wall, door or mat the steps
 * use in thin faint lines; the movement in the accent colour. Everything is drawn in
 * `currentColor` and the accent variable, so the drawings follow the theme.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type P = readonly [number, number];
const ACCENT = 'var(--accent, #1f6f5c)';
const TRUNK = 16;
const HEAD = 11;

const n = (value: number) => String(Math.round(value * 10) / 10);
const xy = ([x, y]: P) => `${n(x)} ${n(y)}`;
const polyline = (points: readonly P[]) =>
  points.map((point, i) => `${i === 0 ? 'M' : 'L'}${xy(point)}`).join('');

function path(d: string, width?: number, extra = ''): string {
  return `<path d="${d}"${width === undefined ? '' : ` stroke-width="${width}"`}${extra}/>`;
}

/** A limb or any chain of joints, in the body's stroke. */
const limb = (...points: P[]) => path(polyline(points));
/** The trunk from hip to neck, bent through `through` when the back rounds or arches. */
const trunk = (hip: P, neck: P, through?: P, width = TRUNK) =>
  path(through ? `M${xy(hip)}Q${xy(through)} ${xy(neck)}` : polyline([hip, neck]), width);
const head = ([x, y]: P, r = HEAD) =>
  `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="currentColor" stroke="none"/>`;
/** A short mark on the head's edge showing where the face looks, at `degrees`. */
function nose([x, y]: P, degrees: number, r = HEAD): string {
  const a = (degrees * Math.PI) / 180;
  return path(
    polyline([
      [x + Math.cos(a) * (r - 2), y + Math.sin(a) * (r - 2)],
      [x + Math.cos(a) * (r + 4), y + Math.sin(a) * (r + 4)],
    ]),
    5,
  );
}
/** The far arm or leg: drawn first and faint, so the near one reads in front. */
const far = (...parts: string[]) => `<g opacity=".55">${parts.join('')}</g>`;
/** Furniture and floor: thin and faint. */
const props = (...parts: string[]) => `<g stroke-width="4" opacity=".45">${parts.join('')}</g>`;
const move = (...parts: string[]) => `<g stroke="${ACCENT}" stroke-width="4">${parts.join('')}</g>`;

function head2(tip: P, from: P): string {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const side = (turn: number): P => [
    tip[0] - 8 * Math.cos(angle + turn),
    tip[1] - 8 * Math.sin(angle + turn),
  ];
  return `M${xy(side(0.5))}L${xy(tip)}L${xy(side(-0.5))}`;
}
/** A straight arrow; `both` puts a head on each end. */
function arrow(from: P, to: P, both = false): string {
  return path(`${polyline([from, to])}${head2(to, from)}${both ? head2(from, to) : ''}`);
}
const at = (cx: number, cy: number, r: number, degrees: number): P => [
  cx + r * Math.cos((degrees * Math.PI) / 180),
  cy + r * Math.sin((degrees * Math.PI) / 180),
];
/** An arrow along a circle from `a0` to `a1` degrees (0 = right, 90 = down). */
function arc(cx: number, cy: number, r: number, a0: number, a1: number, both = false): string {
  const start = at(cx, cy, r, a0);
  const end = at(cx, cy, r, a1);
  const large = Math.abs(a1 - a0) > 180 ? 1 : 0;
  const sweep = a1 > a0 ? 1 : 0;
  const step = a1 > a0 ? -12 : 12;
  return path(
    `M${xy(start)}A${r} ${r} 0 ${large} ${sweep} ${xy(end)}${head2(end, at(cx, cy, r, a1 + step))}` +
      (both ? head2(start, at(cx, cy, r, a0 - step)) : ''),
  );
}
const dashed = (...points: P[]) => path(polyline(points), 4, ' stroke-dasharray="2 9"');

// Furniture and the floor.
const FLOOR = 150;
const floor = () =>
  path(
    polyline([
      [8, FLOOR],
      [152, FLOOR],
    ]),
  );
/** A chair seen from the side, facing right: seat at `y` from `x` to `x + 46`. */
function chairSide(x = 44, y = 104, backTop = 56): string {
  return [
    path(
      polyline([
        [x - 4, backTop],
        [x, y],
        [x + 46, y],
      ]),
    ),
    path(
      polyline([
        [x + 4, y],
        [x + 4, FLOOR],
      ]),
    ),
    path(
      polyline([
        [x + 42, y],
        [x + 42, FLOOR],
      ]),
    ),
  ].join('');
}
/** A chair seen from the front (or back), its backrest behind the person when `back`. */
function chairFront(back = true): string {
  return [
    back
      ? path(
          polyline([
            [52, 108],
            [52, 64],
            [108, 64],
            [108, 108],
          ]),
        )
      : '',
    path(
      polyline([
        [48, 108],
        [112, 108],
      ]),
    ),
    path(
      polyline([
        [54, 108],
        [54, FLOOR],
      ]),
    ),
    path(
      polyline([
        [106, 108],
        [106, FLOOR],
      ]),
    ),
  ].join('');
}
function desk(x0: number, x1: number, y = 96): string {
  return [
    path(
      polyline([
        [x0, y],
        [x1, y],
      ]),
    ),
    path(
      polyline([
        [x0 + 6, y],
        [x0 + 6, FLOOR],
      ]),
    ),
    path(
      polyline([
        [x1 - 6, y],
        [x1 - 6, FLOOR],
      ]),
    ),
  ].join('');
}
function monitor(x: number, y: number, facing: 1 | -1): string {
  return [
    path(
      polyline([
        [x, y - 40],
        [x, y - 12],
      ]),
      6,
    ),
    path(
      polyline([
        [x - facing * 4, y - 12],
        [x - facing * 4, y],
        [x - facing * 12, y],
      ]),
    ),
  ].join('');
}

// A seated person seen from the side, facing right, on chairSide().
const SEAT_HIP: P = [60, 96];
const seatedLegs = (hip: P = SEAT_HIP) => {
  const knee: P = [hip[0] + 38, hip[1]];
  return limb(hip, knee, [knee[0], 146], [knee[0] + 11, 146]);
};
// A seated person seen from the front, on chairFront().
const FRONT_HIPS: [P, P] = [
  [72, 102],
  [88, 102],
];
function frontLegs(): string {
  return (
    limb(FRONT_HIPS[0], [69, 116], [68, 146], [60, 146]) +
    limb(FRONT_HIPS[1], [91, 116], [92, 146], [100, 146])
  );
}
/** Trunk and shoulders seen from the front; `lean` moves the neck sideways. */
function frontTrunk(neck: P = [80, 60]): string {
  return (
    path(polyline([[80, 100], neck]), 18) +
    path(
      polyline([
        [neck[0] - 14, neck[1] + 2],
        [neck[0] + 14, neck[1] + 2],
      ]),
      10,
    ) +
    path(polyline(FRONT_HIPS), 12)
  );
}
/** Sitting upright on a chair, seen from the side, facing right. */
const sittingUpright = () => [
  props(floor(), chairSide()),
  seatedLegs(),
  trunk(SEAT_HIP, [62, 56]),
  head([66, 38]),
];
/** Sitting on a chair seen from the front; the arms and head are the exercise's. */
const sittingFacingUs = () => [props(floor(), chairFront()), frontLegs(), frontTrunk()];
// Standing, seen from the front.
function standingFront(): string {
  return (
    limb([73, 94], [71, 120], [70, 146], [62, 147]) +
    limb([87, 94], [89, 120], [90, 146], [98, 147]) +
    path(
      polyline([
        [80, 96],
        [80, 58],
      ]),
      18,
    ) +
    path(
      polyline([
        [66, 60],
        [94, 60],
      ]),
      10,
    ) +
    path(
      polyline([
        [73, 94],
        [87, 94],
      ]),
      12,
    )
  );
}

const DRAWINGS: Record<string, () => string[]> = {
  'thoracic-extension-chair': () => [
    props(floor(), chairSide(50, 104, 78)),
    seatedLegs([64, 96]),
    trunk([64, 96], [47, 58], [62, 72]),
    head([37, 45]),
    limb([49, 60], [64, 36], [44, 38]),
    move(arc(62, 96, 76, -66, -112)),
  ],
  'scapular-squeeze': () => [
    props(floor(), chairFront(false)),
    limb([72, 102], [70, 146]),
    limb([88, 102], [90, 146]),
    frontTrunk(),
    limb([66, 62], [58, 84], [64, 104]),
    limb([94, 62], [102, 84], [96, 104]),
    head([80, 40], 12),
    move(arrow([44, 50], [64, 70]), arrow([116, 50], [96, 70])),
  ],
  'seated-cat-cow': () => [
    props(floor(), chairSide(40, 104, 58)),
    seatedLegs([72, 96]),
    trunk([72, 96], [80, 54], [54, 70]),
    head([93, 48]),
    limb([80, 58], [94, 78], [108, 92]),
    move(arc(70, 76, 40, 130, 220, true)),
  ],
  'seated-thoracic-rotation': () => [
    ...sittingUpright(),
    limb([63, 60], [82, 72], [64, 70]),
    move(path('M36 80A30 10 0 0 0 88 84M80.6 78.7L88 84L81 89')),
  ],
  'upper-back-hug-stretch': () => [
    props(floor(), chairSide()),
    seatedLegs(),
    trunk(SEAT_HIP, [68, 58], [50, 72]),
    head([77, 46]),
    limb([68, 62], [90, 70], [66, 68]),
    move(arrow([46, 60], [24, 54]), arrow([44, 76], [22, 78])),
  ],
  'prone-y-raise': () => [
    props(path('M8 146L152 146'), path('M110 140L128 140', 6)),
    limb([60, 136], [36, 138], [12, 139]),
    trunk([60, 136], [100, 134]),
    far(limb([102, 131], [144, 124])),
    head([117, 128]),
    limb([102, 130], [146, 112]),
    move(arrow([134, 104], [134, 84])),
  ],
  'doorway-chest-stretch': () => [
    props(floor(), path('M58 14L58 150'), path('M64 14L64 150')),
    far(limb([76, 92], [64, 120], [54, 146], [64, 146])),
    limb([76, 92], [92, 118], [98, 146], [110, 146]),
    trunk([76, 92], [84, 54]),
    head([89, 36]),
    limb([82, 58], [66, 58], [66, 32]),
    move(arrow([106, 66], [130, 66])),
  ],
  'seated-chest-opener': () => [
    props(floor(), chairSide(40, 104, 58)),
    seatedLegs([70, 96]),
    trunk([70, 96], [74, 56], [80, 76]),
    head([77, 38]),
    limb([72, 60], [60, 76], [50, 90]),
    move(arrow([98, 80], [104, 56])),
  ],
  'chin-tuck': () => [
    props(path('M30 150L30 104Q30 94 42 94')),
    path(
      'M44 150L44 126Q44 104 66 104L78 104Q100 104 100 126L100 150Z',
      undefined,
      ' fill="currentColor" stroke="none"',
    ),
    path('M72 104L76 84', 16),
    head([86, 60], 22),
    nose([86, 60], 20, 22),
    move(arrow([146, 54], [122, 54]), dashed([120, 24], [120, 98])),
  ],
  'upper-trapezius-stretch': () => [
    ...sittingFacingUs(),
    limb([66, 62], [60, 84], [70, 100]),
    limb([94, 62], [100, 84], [96, 108]),
    head([69, 43], 12),
    move(arc(80, 64, 38, -62, -118)),
  ],
  'levator-scapulae-stretch': () => [
    ...sittingFacingUs(),
    limb([94, 62], [104, 86], [112, 106]),
    limb([66, 62], [48, 44], [66, 30]),
    head([72, 48], 12),
    move(arrow([100, 30], [86, 48])),
  ],
  'neck-side-bend': () => [
    ...sittingFacingUs(),
    limb([66, 62], [60, 84], [72, 98]),
    limb([94, 62], [100, 84], [88, 98]),
    head([91, 43], 12),
    move(arc(80, 64, 38, -118, -62)),
  ],
  'neck-rotation': () => [
    ...sittingFacingUs(),
    limb([66, 62], [60, 84], [72, 98]),
    limb([94, 62], [100, 84], [88, 98]),
    head([80, 40], 12),
    nose([80, 40], 0, 12),
    move(path('M54 24Q80 6 106 24M97.2 22.6L106 24L102.6 15.8M62.8 22.6L54 24L57.4 15.8')),
  ],
  'shoulder-rolls': () => [
    ...sittingUpright(),
    limb([62, 60], [66, 82], [84, 92]),
    move(arc(60, 64, 18, 200, 500)),
  ],
  'wall-angels': () => [
    props(floor(), path('M20 150L20 10L140 10L140 150'), path('M20 118L140 118')),
    standingFront(),
    limb([66, 60], [44, 60], [44, 36]),
    limb([94, 60], [116, 60], [116, 36]),
    head([80, 38], 12),
    move(arrow([32, 54], [32, 22]), arrow([128, 54], [128, 22])),
  ],
  'cross-body-shoulder-stretch': () => [
    ...sittingFacingUs(),
    limb([66, 62], [60, 84], [72, 98]),
    limb([94, 62], [104, 80], [116, 68]),
    limb([66, 64], [124, 64]),
    head([80, 40], 12),
    move(arrow([140, 80], [120, 80])),
  ],
  'overhead-side-reach': () => [
    props(floor(), chairFront()),
    frontLegs(),
    path('M80 100Q80 74 94 60', 18),
    path('M81 58L105 66', 10),
    path(polyline(FRONT_HIPS), 12),
    limb([82, 58], [76, 34], [96, 16]),
    limb([104, 68], [110, 88], [92, 98]),
    head([103, 42], 12),
    move(arc(80, 108, 90, -110, -70)),
  ],
  'wrist-flexor-stretch': () => [
    ...sittingUpright(),
    far(limb([62, 60], [86, 82], [122, 42])),
    limb([62, 62], [112, 62], [118, 38]),
    move(arc(118, 62, 30, -66, -120)),
  ],
  'wrist-extensor-stretch': () => [
    ...sittingUpright(),
    far(limb([62, 60], [84, 84], [118, 72])),
    limb([62, 62], [112, 62], [116, 86]),
    move(arc(114, 62, 32, 66, 120)),
  ],
  'finger-spread': () => [
    path('M80 136L80 118', 26),
    '<rect x="60" y="90" width="40" height="38" rx="14" fill="currentColor" stroke="none"/>',
    limb([66, 108], [42, 88]),
    limb([72, 96], [62, 52]),
    limb([80, 94], [80, 42]),
    limb([88, 96], [98, 50]),
    limb([94, 102], [116, 68]),
    move(arrow([34, 72], [22, 62]), arrow([126, 54], [138, 46]), arrow([80, 28], [80, 12])),
  ],
  'forearm-prayer-stretch': () => [
    ...sittingUpright(),
    limb([62, 60], [72, 86], [90, 78], [92, 58]),
    move(arrow([108, 52], [108, 84])),
  ],
  'eye-rest-20-20-20': () => [
    props(floor(), desk(8, 48), monitor(22, 96, 1), chairSide(58, 104, 60)),
    props(path('M126 18L152 18L152 54L126 54Z'), path('M139 18L139 54')),
    seatedLegs([74, 96]),
    trunk([74, 96], [76, 56]),
    head([80, 38]),
    nose([80, 38], -20),
    limb([76, 60], [80, 82], [98, 92]),
    move(dashed([96, 32], [128, 26]), arrow([112, 40], [124, 38])),
  ],
  'blink-break': () => [
    `<circle cx="80" cy="84" r="52" stroke-width="7"/>`,
    path('M50 80Q60 90 70 80', 6),
    path('M90 80Q100 90 110 80', 6),
    path('M54 88L50 94M60 90L60 97M66 88L70 94M94 88L90 94M100 90L100 97M106 88L110 94', 3),
    path('M70 114Q80 120 90 114', 6),
    move(arrow([80, 10], [80, 24]), arrow([60, 12], [64, 26]), arrow([100, 12], [96, 26])),
  ],
  'stand-and-walk': () => [
    props(floor(), chairSide(14, 104, 56)),
    far(limb([86, 92], [74, 118], [62, 144])),
    far(limb([90, 56], [80, 80], [72, 96])),
    limb([86, 92], [98, 118], [104, 146], [116, 146]),
    trunk([86, 92], [90, 54]),
    head([94, 36]),
    limb([90, 58], [100, 80], [112, 90]),
    move(arrow([120, 110], [148, 110])),
  ],
  'walk-away': () => [
    props(floor(), desk(8, 52), monitor(28, 96, 1)),
    far(limb([96, 92], [84, 118], [72, 144])),
    far(limb([100, 56], [90, 80], [82, 96])),
    limb([96, 92], [108, 118], [114, 146], [126, 146]),
    trunk([96, 92], [100, 54]),
    head([104, 36]),
    limb([100, 58], [110, 80], [122, 90]),
    move(arrow([128, 110], [150, 110])),
  ],
  'standing-reach': () => [
    props(floor()),
    standingFront(),
    limb([66, 60], [64, 36], [78, 14]),
    limb([94, 60], [96, 36], [82, 14]),
    head([80, 40], 12),
    move(arrow([44, 64], [44, 20]), arrow([116, 64], [116, 20])),
  ],
  plank: () => [
    props(path('M8 146L152 146')),
    limb([70, 118], [18, 136], [14, 140]),
    trunk([70, 118], [112, 104]),
    head([128, 98]),
    limb([112, 106], [114, 138], [140, 138]),
    move(dashed([12, 118], [118, 80])),
  ],
  'bird-dog': () => [
    props(path('M8 146L152 146')),
    far(limb([102, 98], [104, 138])),
    far(limb([56, 98], [56, 138], [28, 140])),
    trunk([56, 98], [102, 96]),
    limb([56, 98], [12, 92]),
    limb([102, 100], [148, 100]),
    head([119, 84]),
    move(arrow([124, 118], [150, 118]), arrow([36, 74], [10, 74])),
  ],
  'glute-bridge': () => [
    props(path('M8 146L152 146')),
    head([22, 132]),
    limb([40, 136], [74, 140]),
    trunk([40, 134], [84, 110]),
    limb([84, 110], [114, 94], [122, 138], [134, 140]),
    move(arrow([80, 92], [80, 68])),
  ],
  'dead-bug': () => [
    props(path('M8 146L152 146')),
    head([26, 130]),
    far(limb([92, 128], [100, 92], [124, 90])),
    far(limb([46, 128], [52, 74])),
    trunk([46, 130], [92, 130]),
    limb([92, 128], [148, 112]),
    limb([46, 126], [14, 100]),
    move(arrow([30, 84], [16, 92]), arrow([138, 96], [148, 104])),
  ],
};

/** Every drawing's SVG text by exercise id, as assets/exercises/<id>.svg holds it. */
export function exerciseDrawings(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(DRAWINGS).map(([id, draw]) => [
      id,
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" fill="none" stroke="currentColor" ' +
        `stroke-width="9" stroke-linecap="round" stroke-linejoin="round">${draw().join('')}</svg>\n`,
    ]),
  );
}

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'exercises');
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const drawings = exerciseDrawings();
  for (const [id, svg] of Object.entries(drawings)) writeFileSync(join(OUT, `${id}.svg`), svg);
  console.log(`drew ${Object.keys(drawings).length} exercises into ${OUT}`);
}
