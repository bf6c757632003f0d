import type { SvgElement } from './svg-check';

/**
 * Where the shapes of one of our SVGs reach, stroke included: the box each drawn
 * element covers, from its geometry (lines, polylines, circles, ellipses, rects and
 * paths with lines, curves and arcs) grown by half the stroke width it inherits.
 * Curves and arcs are followed in small steps; a round cap or join reaches no further
 * than half the stroke from the line, which the growth covers.
 */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
type Point = [number, number];

const SAMPLES = 48;

function numbers(text: string): number[] {
  return (text.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);
}

/** Points on the SVG arc from `from` (endpoint parameterisation, SVG 1.1 F.6.5). */
function arcPoints(from: Point, args: number[]): Point[] {
  const [rxIn, ryIn, rotation, large, sweep, x, y] = args as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [[x, y]];
  const phi = (rotation * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (from[0] - x) / 2;
  const dy = (from[1] - y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const sign = large === sweep ? -1 : 1;
  const factor =
    sign *
    Math.sqrt(
      Math.max(
        0,
        (rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1) /
          (rx * rx * y1 * y1 + ry * ry * x1 * x1),
      ),
    );
  const cx1 = (factor * rx * y1) / ry;
  const cy1 = (-factor * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from[0] + x) / 2;
  const cy = sin * cx1 + cos * cy1 + (from[1] + y) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const start = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const points: Point[] = [];
  for (let i = 1; i <= SAMPLES; i++) {
    const t = start + (delta * i) / SAMPLES;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    points.push([cos * ex - sin * ey + cx, sin * ex + cos * ey + cy]);
  }
  return points;
}

function bezier(points: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    let level = points;
    while (level.length > 1) {
      level = level
        .slice(1)
        .map(
          (p, j): Point => [
            level[j]![0] + (p[0] - level[j]![0]) * t,
            level[j]![1] + (p[1] - level[j]![1]) * t,
          ],
        );
    }
    out.push(level[0]!);
  }
  return out;
}

const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Every point a path's outline passes through (curves sampled). */
export function pathPoints(d: string): Point[] {
  const points: Point[] = [];
  let at: Point = [0, 0];
  let start: Point = [0, 0];
  let control: Point | null = null;
  for (const [, letter, rest] of d.matchAll(/([MLHVCSQTAZ])([^MLHVCSQTAZ]*)/gi)) {
    const command = letter!.toUpperCase();
    const relative = letter !== command;
    const values = numbers(rest!);
    const size = ARGS[command]!;
    if (size === 0) {
      at = start;
      continue;
    }
    if (values.length % size !== 0) throw new Error(`path "${d}": ${letter} needs ${size} numbers`);
    for (let i = 0; i < values.length; i += size) {
      const v = values.slice(i, i + size);
      const abs = (x: number, y: number): Point => (relative ? [at[0] + x, at[1] + y] : [x, y]);
      const repeatedMove = command === 'M' && i > 0;
      switch (repeatedMove ? 'L' : command) {
        case 'M':
          at = abs(v[0]!, v[1]!);
          start = at;
          points.push(at);
          control = null;
          break;
        case 'L':
        case 'T':
          at = abs(v[0]!, v[1]!);
          points.push(at);
          control = null;
          break;
        case 'H':
          at = [relative ? at[0] + v[0]! : v[0]!, at[1]];
          points.push(at);
          break;
        case 'V':
          at = [at[0], relative ? at[1] + v[0]! : v[0]!];
          points.push(at);
          break;
        case 'Q': {
          const c = abs(v[0]!, v[1]!);
          const end = abs(v[2]!, v[3]!);
          points.push(...bezier([at, c, end]));
          control = c;
          at = end;
          break;
        }
        case 'C':
        case 'S': {
          const c1: Point =
            command === 'C'
              ? abs(v[0]!, v[1]!)
              : control
                ? [2 * at[0] - control[0], 2 * at[1] - control[1]]
                : at;
          const rest2 = command === 'C' ? v.slice(2) : v;
          const c2 = abs(rest2[0]!, rest2[1]!);
          const end = abs(rest2[2]!, rest2[3]!);
          points.push(...bezier([at, c1, c2, end]));
          control = c2;
          at = end;
          break;
        }
        case 'A': {
          const end = abs(v[5]!, v[6]!);
          points.push(...arcPoints(at, [...v.slice(0, 5), end[0], end[1]]));
          at = end;
          control = null;
          break;
        }
      }
    }
  }
  return points;
}

function boxOf(points: Point[], grow: number): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    minX: Math.min(...xs) - grow,
    minY: Math.min(...ys) - grow,
    maxX: Math.max(...xs) + grow,
    maxY: Math.max(...ys) + grow,
  };
}

/** The attribute on the element or the nearest ancestor that sets it. */
function inherited(elements: SvgElement[], index: number, name: string): string | undefined {
  let depth = elements[index]!.depth + 1;
  for (let i = index; i >= 0; i--) {
    const element = elements[i]!;
    if (element.depth >= depth) continue;
    depth = element.depth;
    const value = element.attributes[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

const num = (element: SvgElement, name: string) => Number(element.attributes[name] ?? 0);

/** Each drawn element of the SVG with the box it covers, stroke included. */
export function shapeBoxes(elements: SvgElement[]): { element: SvgElement; box: Box }[] {
  return elements.flatMap((element, index) => {
    const stroke = inherited(elements, index, 'stroke');
    const half =
      stroke === undefined || stroke === 'none'
        ? 0
        : Number(inherited(elements, index, 'stroke-width') ?? 1) / 2;
    const a = element.attributes;
    let points: Point[];
    switch (element.name) {
      case 'line':
        points = [
          [num(element, 'x1'), num(element, 'y1')],
          [num(element, 'x2'), num(element, 'y2')],
        ];
        break;
      case 'circle':
      case 'ellipse': {
        const rx = element.name === 'circle' ? num(element, 'r') : num(element, 'rx');
        const ry = element.name === 'circle' ? num(element, 'r') : num(element, 'ry');
        const [cx, cy] = [num(element, 'cx'), num(element, 'cy')];
        points = [
          [cx - rx, cy - ry],
          [cx + rx, cy + ry],
        ];
        break;
      }
      case 'rect':
        points = [
          [num(element, 'x'), num(element, 'y')],
          [num(element, 'x') + num(element, 'width'), num(element, 'y') + num(element, 'height')],
        ];
        break;
      case 'polyline':
      case 'polygon': {
        const values = numbers(a.points ?? '');
        points = [];
        for (let i = 0; i + 1 < values.length; i += 2) points.push([values[i]!, values[i + 1]!]);
        break;
      }
      case 'path':
        points = pathPoints(a.d ?? '');
        break;
      default:
        return [];
    }
    return points.length === 0 ? [] : [{ element, box: boxOf(points, half) }];
  });
}
