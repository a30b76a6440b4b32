/**
 * The benchmark's command-line options:
 *
 *   node bench/tmp/bench.cjs [--runs 3] [--peer-runs 2] [--edits 200] [--peer-edits 20]
 *        [--requests 100] [--peer-requests 20] [--sizes 100,1000,5000] [--repo-files 10000]
 *        [--skip package,floor,editor,peers,variant,workspace,cli,activation] [--quick] [--out DIR]
 */

export interface Options {
  runs: number;
  peerRuns: number;
  edits: number;
  peerEdits: number;
  requests: number;
  peerRequests: number;
  sizes: number[];
  repoFiles: number;
  skip: Set<string>;
  out: string;
}

export function options(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const num = (name: string, dflt: number, q: number) => Number(get(name) ?? (quick ? q : dflt));
  return {
    runs: num('runs', 3, 1),
    peerRuns: num('peer-runs', 2, 1),
    edits: num('edits', 200, 20),
    peerEdits: num('peer-edits', 20, 5),
    requests: num('requests', 100, 20),
    peerRequests: num('peer-requests', 20, 5),
    sizes: (get('sizes') ?? (quick ? '100,1000' : '100,1000,5000')).split(',').map(Number),
    repoFiles: num('repo-files', 10_000, 1000),
    skip: new Set((get('skip') ?? '').split(',').filter(Boolean)),
    out: get('out') ?? '',
  };
}
