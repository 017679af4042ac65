/**
 * Nelder–Mead minimisation inside a box: every trial point is clamped to [lower, upper].
 * Stops after `maxEvaluations` calls of `f` (the CPU bound) or when the simplex's values
 * differ by less than `tolerance`.
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  options: { lower: number[]; upper: number[]; step?: number; maxEvaluations?: number; tolerance?: number },
): { x: number[]; value: number; evaluations: number } {
  const { lower, upper, step = 0.05, maxEvaluations = 100, tolerance = 1e-10 } = options;
  const dim = start.length;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v)));
  let evaluations = 0;
  const evalAt = (x: number[]) => {
    const p = clamp(x);
    evaluations++;
    return { x: p, value: f(p) };
  };

  let simplex = [evalAt(start)];
  for (let i = 0; i < dim; i++) {
    const x = [...start];
    // Step inwards when the start sits on the upper bound.
    x[i] = x[i]! + step <= upper[i]! ? x[i]! + step : x[i]! - step;
    simplex.push(evalAt(x));
  }

  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j]! += simplex[i]!.x[j]! / dim;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));

    const reflected = evalAt(along(-1));
    if (reflected.value < best.value) {
      const expanded = evalAt(along(-2));
      simplex[dim] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[dim - 1]!.value) {
      simplex[dim] = reflected;
    } else {
      const contracted = evalAt(reflected.value < worst.value ? along(-0.5) : along(0.5));
      if (contracted.value < Math.min(worst.value, reflected.value)) {
        simplex[dim] = contracted;
      } else {
        simplex = simplex.map((p, i) => (i === 0 ? p : evalAt(p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)))));
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value, evaluations };
}
